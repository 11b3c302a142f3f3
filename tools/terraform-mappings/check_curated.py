#!/usr/bin/env python3
"""Checks backends/terraform/data/aws-resources.txt against the aws provider schema.

Usage: check_curated.py AWS_PROVIDER_SCHEMA.json [CURATED_FILE] [TYPE_TABLE]

Every mapped Terraform type must exist, every `arg` must be an argument (or, for block kinds,
a nested block) of its type or parent block (`inline` entries of the enclosing body), every
required argument or block must be mapped or `set`, every `arg` and `part` property must be a
property of the CloudFormation type (from ir/data/cloudformation-types.tsv); companion `part`s
are checked the same way against their own type. Computed attributes used by
`ref` and `get` are not in the schema (it lists settable arguments only): review those against
the provider documentation. Exit 1 on any problem.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def read_curated(path):
    """Mappings with their args, `set` arguments and companion parts (same shape, nested)."""
    mappings = []
    stack = []
    for raw in open(path):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        depth = (len(raw) - len(raw.lstrip(" "))) // 2
        words = stripped.split()
        if depth == 0:
            mappings.append({"cfn": words[0], "tf": words[1], "args": [], "need": [], "set": [],
                             "parts": []})
            stack = [(0, mappings[-1])]
            continue
        while stack and stack[-1][0] >= depth:
            stack.pop()
        owner = stack[-1][1]
        if words[0] == "need":
            owner["need"] += words[1:]
        elif words[0] == "set":
            owner["set"].append(words[1])
        elif words[0] == "part":
            part = {"property": words[1], "tf": words[2], "block": words[4] if len(words) > 4
                    else "", "args": [], "set": []}
            mappings[-1]["parts"].append(part)
            stack.append((depth, part))
        elif words[0] == "arg":
            arg = {"property": words[1], "argument": words[2],
                   "kind": words[3] if len(words) > 3 else "value", "args": [],
                   "spread": [w.split("=")[-1] if len(words) > 3 and words[3] == "keyed"
                              else w.split("=")[0] for w in words[4:] if "=" in w],
                   "block": words[4] if len(words) > 4 else "", "fields": words[4:]}
            owner["args"].append(arg)
            stack.append((depth, arg))
    return mappings


def read_type_table(path):
    types = {}
    current = None
    for line in open(path):
        fields = line.rstrip("\n").split("\t")
        if fields[0] == "T":
            current = types.setdefault(fields[1], {"": set()})
            scope = ""
        elif fields[0] == "N" and current is not None:
            scope = fields[1]
            current.setdefault(scope, set())
        elif fields[0] == "P" and current is not None:
            current[scope].add(fields[1])
    return types


def check_args(args, schema, where, problems):
    for arg in args:
        name = arg["argument"]
        if arg["kind"] in ("block", "blocks"):
            block = schema.get("blocks", {}).get(name)
            if block is None:
                problems.append(f"{where}: '{name}' is not a nested block")
                continue
            check_args(arg["args"], block, f"{where}.{name}", problems)
            check_required(block, arg["args"], [], f"{where}.{name}", problems)
        elif arg["kind"] == "inline":  # its entries are arguments of this same body
            check_args(arg["args"], schema, where, problems)
        elif arg["kind"] == "into":  # an argument of the nested block named after `into`
            block = schema.get("blocks", {}).get(arg["block"])
            if block is None:
                problems.append(f"{where}: '{arg['block']}' is not a nested block")
            elif name not in block.get("arguments", {}):
                problems.append(f"{where}.{arg['block']}: '{name}' is not an argument")
        elif arg["kind"] == "fieldblocks":  # a block per item, holding a block per field
            block = schema.get("blocks", {}).get(name)
            if block is None:
                problems.append(f"{where}: '{name}' is not a nested block")
                continue
            for field in arg["fields"]:
                inner = block.get("blocks", {}).get(field.replace("-", "_"))
                if inner is None or "values" not in inner.get("arguments", {}):
                    problems.append(f"{where}.{name}: no block '{field}' with values")
        elif arg["kind"] in ("spread", "keyed"):  # KEY=ARG words name arguments
            for name in arg["spread"]:
                if name not in schema.get("arguments", {}):
                    problems.append(f"{where}: '{name}' is not an argument")
        elif name not in schema.get("arguments", {}):
            problems.append(f"{where}: '{name}' is not an argument")


def mapped_names(args):
    names = set()
    for arg in args:
        if arg["kind"] == "inline":
            names |= mapped_names(arg["args"])
        elif arg["kind"] in ("spread", "keyed"):
            names |= set(arg["spread"])
        elif arg["kind"] == "into":
            names.add(arg["block"])
        else:
            names.add(arg["argument"])
    return names


def check_required(schema, args, fixed, where, problems):
    mapped = mapped_names(args) | set(fixed)
    for name, spec in schema.get("arguments", {}).items():
        if spec.get("required") and name not in mapped:
            problems.append(f"{where}: required argument '{name}' is not mapped")
    for name, spec in schema.get("blocks", {}).items():
        if spec.get("required") and name not in mapped:
            problems.append(f"{where}: required block '{name}' is not mapped")


def check_part(mapping, part, resources, properties, problems):
    schema = resources.get(part["tf"])
    where = f"{mapping['cfn']} part {part['property']}"
    if schema is None:
        problems.append(f"{where}: no aws resource type {part['tf']}")
        return
    if properties and part["property"] not in properties:
        problems.append(f"{where}: no property {part['property']}")
    for name in part["set"]:
        if name not in schema.get("arguments", {}):
            problems.append(f"{where}: '{name}' is not an argument of {part['tf']}")
    body = schema
    if part["block"]:
        body = schema.get("blocks", {}).get(part["block"])
        if body is None:
            problems.append(f"{where}: '{part['block']}' is not a nested block of {part['tf']}")
            return
        check_required(schema, [{"argument": part["block"], "kind": "block", "args": []}],
                       part["set"], where, problems)
    check_args(part["args"], body, f"{part['tf']}", problems)
    if not part["block"]:
        check_required(schema, part["args"], part["set"], where, problems)


def main():
    schema_path = sys.argv[1]
    curated_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        ROOT, "backends/terraform/data/aws-resources.txt")
    table_path = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        ROOT, "ir/data/cloudformation-types.tsv")
    resources = json.load(open(schema_path))["resource_schemas"]
    types = read_type_table(table_path)
    problems = []
    mappings = read_curated(curated_path)
    for mapping in mappings:
        schema = resources.get(mapping["tf"])
        if schema is None:
            problems.append(f"{mapping['cfn']}: no aws resource type {mapping['tf']}")
            continue
        check_args(mapping["args"], schema, mapping["tf"], problems)
        properties = types.get(mapping["cfn"], {}).get("", set())
        if not properties:
            problems.append(f"{mapping['cfn']}: not in the CloudFormation type table")
        for arg in mapping["args"]:
            if properties and arg["property"] not in properties:
                problems.append(f"{mapping['cfn']}: no property {arg['property']}")
        check_required(schema, mapping["args"], mapping["set"], mapping["tf"], problems)
        for part in mapping["parts"]:
            check_part(mapping, part, resources, properties, problems)
    for problem in problems:
        print(problem)
    print(f"{len(mappings)} curated mappings, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks backends/terraform/data/aws-resources.txt against the aws provider schema.

Usage: check_curated.py AWS_PROVIDER_SCHEMA.json [CURATED_FILE] [TYPE_TABLE]

Every mapped Terraform type must exist, every `arg` must be an argument (or, for block kinds,
a nested block) of its type or parent block, every `need` and `arg` property must be a property
of the CloudFormation type (from ir/data/cloudformation-types.tsv). Computed attributes used by
`ref` and `get` are not in the schema (it lists settable arguments only): review those against
the provider documentation. Exit 1 on any problem.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def read_curated(path):
    mappings = []
    stack = []
    for raw in open(path):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        depth = (len(raw) - len(raw.lstrip(" "))) // 2
        words = stripped.split()
        if depth == 0:
            mappings.append({"cfn": words[0], "tf": words[1], "args": [], "need": []})
            stack = [(0, mappings[-1]["args"])]
            continue
        if words[0] == "need":
            mappings[-1]["need"] += words[1:]
        if words[0] != "arg":
            continue
        while stack and stack[-1][0] >= depth:
            stack.pop()
        arg = {"property": words[1], "argument": words[2],
               "kind": words[3] if len(words) > 3 else "value", "nested": []}
        stack[-1][1].append(arg)
        stack.append((depth, arg["nested"]))
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
            check_args(arg["nested"], block, f"{where}.{name}", problems)
        elif name not in schema.get("arguments", {}):
            problems.append(f"{where}: '{name}' is not an argument")


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
        for required, spec in schema.get("arguments", {}).items():
            if spec.get("required") and not any(a["argument"] == required for a in mapping["args"]):
                problems.append(f"{mapping['tf']}: required argument '{required}' is not mapped")
    for problem in problems:
        print(problem)
    print(f"{len(mappings)} curated mappings, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

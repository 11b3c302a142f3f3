#!/usr/bin/env python3
"""Generates the mutant cases (`mut-*`): a small valid environment bundle, each case with one of
its files broken by one mutation: truncation, a byte flip, unbalanced Jinja, a duplicate key,
bad UTF-8, deep nesting, a huge number, a tab in the indentation, a NUL byte, an unclosed quote
or flow collection. Where a mutation lands is drawn from a random generator with a fixed seed,
so re-running the script rewrites the same cases byte for byte.

With --bin, each mutant is run once and its case.txt pins the file, line and rule id of the
first diagnostic; a mutant that does not exit 3 with a located diagnostic is reported and no
case is written for it (a mutation can leave a file valid). Review every generated case before
committing it.

usage: tests/malformed/make-mutants.py --bin build/proton-migrate"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "safety"))
import queue_bundle  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261122
ARGS = "render bundle --spec spec.yaml -o out"

BASE = {
    "bundle/schema/schema.yaml": queue_bundle.SCHEMA_HEAD + """      description: "A queue and its retention"
      properties:
        queue_name:
          type: string
          default: jobs
          minLength: 1
          maxLength: 80
        retention_seconds:
          type: integer
          default: 345600
          minimum: 60
          maximum: 1209600
        fifo:
          type: boolean
          default: false
""",
    "bundle/infrastructure/manifest.yaml": queue_bundle.MANIFEST,
    "bundle/infrastructure/cloudformation.yaml": """AWSTemplateFormatVersion: '2010-09-09'
Description: A queue for {{ environment.name }}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: '{{ environment.inputs.queue_name }}'
      MessageRetentionPeriod: {{ environment.inputs.retention_seconds }}
{% if environment.inputs.fifo %}
      FifoQueue: true
{% endif %}
      Tags:
{% for key in ["team", "stage"] %}
        - Key: {{ key }}
          Value: '{{ environment.name }}-{{ key }}'
{% endfor %}
Outputs:
  QueueUrl:
    Value: !Ref Queue
""",
    "spec.yaml": """proton: EnvironmentSpec
spec:
  queue_name: nightly-jobs
  retention_seconds: 86400
  fifo: false
""",
}
YAML_FILES = ["bundle/schema/schema.yaml", "bundle/infrastructure/manifest.yaml", "spec.yaml"]
TEMPLATE = "bundle/infrastructure/cloudformation.yaml"


def lines_with(text, predicate):
    return [i for i, line in enumerate(text.split("\n")) if predicate(line)]


def edit_line(text, index, change):
    lines = text.split("\n")
    lines[index] = change(lines[index])
    return "\n".join(lines)


def insert_line(text, index, line):
    lines = text.split("\n")
    lines.insert(index, line)
    return "\n".join(lines)


def nested_line(text, rng):
    return rng.choice(lines_with(text, lambda line: line.startswith("  ") and line.strip()))


def key_line(text, rng):
    return rng.choice(lines_with(text, lambda l: re.match(r"^\s*[A-Za-z_]+:", l) is not None))


# Each mutation: (name, files it applies to, function(text, rng) -> text or bytes).
def truncate_in_expression(text, rng):
    starts = [m.start() for m in re.finditer(r"\{\{", text)]
    at = rng.choice(starts)
    return text[:at + rng.randint(2, 6)]


def unbalanced_if(text, rng):
    return insert_line(text, rng.choice(lines_with(text, lambda l: l.startswith("Resources"))),
                       "{% if environment.inputs.fifo %}")


def unbalanced_for(text, rng):
    return insert_line(text, rng.choice(lines_with(text, lambda l: l.startswith("Outputs"))),
                       "{% for item in [1, 2] %}")


def stray_end(text, rng):
    return insert_line(text, rng.choice(lines_with(text, lambda l: l.startswith("Resources"))),
                       rng.choice(["{% endif %}", "{% endfor %}"]))


def unclosed_block(text, rng):
    return insert_line(text, rng.choice(lines_with(text, lambda l: l.startswith("Outputs"))),
                       "{% if environment.inputs.fifo ")


def bad_expression(text, rng):
    index = rng.choice(lines_with(text, lambda l: "{{" in l))
    return edit_line(text, index, lambda l: l.replace("}}", rng.choice(["+ }}", "| }}", ". }}",
                                                                          "(( }}"]), 1))


def tab_indent(text, rng):
    return edit_line(text, nested_line(text, rng), lambda l: "\t" + l.lstrip(" "))


def duplicate_mapping_key(text, rng):
    # A second top-level key of the same name: YAML forbids it, PyYAML and so Proton keep the last;
    # the duplicate here also breaks the indentation, which every reader refuses.
    index = key_line(text, rng)
    line = text.split("\n")[index]
    return insert_line(text, index + 1, " " + line.rstrip())


def bad_utf8(text, rng):
    index = key_line(text, rng)
    return edit_line(text, index, lambda l: l + " \udcff\udcfe")


def nul_byte(text, rng):
    index = key_line(text, rng)
    return edit_line(text, index, lambda l: l + " \x00")


def deep_nesting(text, rng):
    depth = rng.randint(300, 600)
    index = key_line(text, rng)
    indent = re.match(r"^\s*", text.split("\n")[index]).group(0)
    return insert_line(text, index + 1, indent + "deep: " + "[" * depth + "]" * depth)


def unclosed_quote(text, rng):
    index = rng.choice(lines_with(text, lambda l: re.match(r"^\s*[A-Za-z_]+: [^{\[\n]", l)
                                  is not None))
    return edit_line(text, index, lambda l: re.sub(r": ", ": '", l, count=1))


def unclosed_flow(text, rng):
    index = key_line(text, rng)
    indent = re.match(r"^\s*", text.split("\n")[index]).group(0)
    return insert_line(text, index + 1, indent + "extra: [a, b")


def truncate_yaml(text, rng):
    at = rng.randint(len(text) // 4, len(text) * 3 // 4)
    return text[:at] + "\n  - : ]"


def byte_flip(text, rng):
    # Flips one structural character into one YAML refuses where it stands.
    spots = [i for i, c in enumerate(text) if c in ":-"]
    at = rng.choice(spots)
    return text[:at] + rng.choice(["]", "}", "`", "@"]) + text[at + 1:]


def huge_number_spec(text, rng):
    digits = "9" * rng.randint(25, 400)
    return re.sub(r"retention_seconds: \d+", "retention_seconds: " + digits, text)


def huge_number_template(text, rng):
    return text.replace("{{ environment.inputs.retention_seconds }}",
                        "{{ 10 ** " + str(rng.randint(40, 400)) + " }}")


MUTATIONS = [
    ("truncated-expression", [TEMPLATE], truncate_in_expression, 3),
    ("unbalanced-if", [TEMPLATE], unbalanced_if, 1),
    ("unbalanced-for", [TEMPLATE], unbalanced_for, 1),
    ("stray-end-tag", [TEMPLATE], stray_end, 2),
    ("unclosed-block-tag", [TEMPLATE], unclosed_block, 1),
    ("bad-expression", [TEMPLATE], bad_expression, 3),
    ("tab-indentation", YAML_FILES + [TEMPLATE], tab_indent, 2),
    ("duplicate-key", YAML_FILES + [TEMPLATE], duplicate_mapping_key, 2),
    ("bad-utf8", YAML_FILES + [TEMPLATE], bad_utf8, 1),
    ("nul-byte", YAML_FILES + [TEMPLATE], nul_byte, 1),
    ("deep-nesting", YAML_FILES + [TEMPLATE], deep_nesting, 1),
    ("unclosed-quote", YAML_FILES + [TEMPLATE], unclosed_quote, 2),
    ("unclosed-flow", YAML_FILES + [TEMPLATE], unclosed_flow, 1),
    ("truncated", YAML_FILES, truncate_yaml, 2),
    ("byte-flip", YAML_FILES + [TEMPLATE], byte_flip, 3),
    ("huge-number", ["spec.yaml"], huge_number_spec, 2),
    ("huge-number", [TEMPLATE], huge_number_template, 2),
]

SHORT = {"bundle/schema/schema.yaml": "schema", "bundle/infrastructure/manifest.yaml": "manifest",
         "spec.yaml": "spec", TEMPLATE: "template"}


def write_case(folder, files):
    shutil.rmtree(folder, ignore_errors=True)
    queue_bundle.write_files(folder, files)


LOCATED = re.compile(r"^(\S+?):(\d+):(\d+): error: .*\[([A-Z]{3}\d{3})\]$")


def pin(binary, folder):
    """The case.txt regex for the mutant's first diagnostic; nothing when it is not located."""
    result = subprocess.run([binary] + ARGS.split(), cwd=folder, capture_output=True,
                            timeout=120)
    err = result.stderr.decode("utf-8", "replace").split("\n")
    found = LOCATED.match(err[0]) if err else None
    if result.returncode != 3 or not found:
        return None, f"exit {result.returncode}: {err[0] if err else ''}"
    file, line, _, rule = found.groups()
    return f"^{re.escape(file)}:{line}:\\d+: error: .*\\[{rule}\\]", None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    rng = random.Random(SEED)
    for old in os.listdir(HERE):
        if old.startswith("mut-"):
            shutil.rmtree(os.path.join(HERE, old))
    written, dropped = 0, []
    for name, targets, mutate, count in MUTATIONS:
        for target in targets:
            for n in range(1, count + 1):
                files = dict(BASE)
                files[target] = mutate(files[target], rng)
                label = f"mut-{SHORT[target]}-{name}-{n}"
                folder = os.path.join(HERE, label)
                write_case(folder, files)
                regex, why = pin(binary, folder)
                if regex is None:
                    dropped.append(f"{label}: {why}")
                    shutil.rmtree(folder)
                    continue
                with open(os.path.join(folder, "case.txt"), "w") as case:
                    case.write(ARGS + "\n" + regex + "\n")
                written += 1
    print(f"{written} cases written, {len(dropped)} mutants dropped")
    for line in dropped:
        print("  dropped " + line)


if __name__ == "__main__":
    sys.exit(main())

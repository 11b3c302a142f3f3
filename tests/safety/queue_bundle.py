"""The small environment bundle the safety tests and the mutant generator start from: one SQS
queue named by an input. Tests replace one file with a hostile one."""
import os

SCHEMA_HEAD = """schema:
  format:
    openapi: "3.0.0"
  environment_input_type: "QueueEnvironmentInput"
  types:
    QueueEnvironmentInput:
      type: object
"""
SCHEMA = SCHEMA_HEAD + """      properties:
        queue_name:
          type: string
          default: jobs
"""
MANIFEST = """infrastructure:
  templates:
    - file: "cloudformation.yaml"
      rendering_engine: jinja
      template_language: cloudformation
"""
TEMPLATE = """Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: '{{ environment.inputs.queue_name }}'
"""
SPEC = "proton: EnvironmentSpec\nspec:\n  queue_name: nightly-jobs\n"

# Relative to the case folder: the bundle folder's files, and the spec beside it.
FILES = {"bundle/schema/schema.yaml": SCHEMA, "bundle/infrastructure/manifest.yaml": MANIFEST,
         "bundle/infrastructure/cloudformation.yaml": TEMPLATE, "spec.yaml": SPEC}


def write_files(folder, files):
    """Writes {relative path: text} below folder; text may hold surrogate-escaped bytes."""
    for relative, text in files.items():
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(text.encode("utf-8", "surrogateescape"))


def command_line(with_source=False):
    """--bin (made absolute) and --work (emptied), and --source for the tests that need it."""
    import argparse
    import shutil
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True)
    if with_source:
        parser.add_argument("--source", required=True)
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)
    args.work = os.path.abspath(args.work)
    shutil.rmtree(args.work, ignore_errors=True)
    return args

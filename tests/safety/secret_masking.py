#!/usr/bin/env python3
"""Secrets never reach a report or log.

A bundle whose schema gives a password input a plaintext default and whose template writes it
into MasterUserPassword, beside an AWS access key pair in a Lambda function's environment. Every
output kind must show none of the three secrets: a diagnostic with its source line, lint in
text, json, sarif and markdown (to stdout and -o), batch reports (md, json, html), diff output,
the stale-output diff of check, and the migration reports. Generated files are the conversion and
are not checked.

usage: secret_masking.py --bin PROTON_MIGRATE --work DIR"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import queue_bundle  # noqa: E402

PASSWORD = "Sup3rS3cretPassw0rd"
ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SECRETS = [PASSWORD, ACCESS_KEY, SECRET_KEY]

SCHEMA = f"""schema:
  format:
    openapi: "3.0.0"
  environment_input_type: "DatabaseInput"
  types:
    DatabaseInput:
      type: object
      properties:
        db_password:
          type: string
          default: {PASSWORD}
        size:
          type: string
          default: db.t3.micro
"""
MANIFEST = """infrastructure:
  templates:
    - file: "cloudformation.yaml"
      rendering_engine: jinja
      template_language: cloudformation
"""
TEMPLATE = f"""Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: '{{{{ environment.inputs.size }}}}'
      AllocatedStorage: '20'
      MasterUsername: admin
      MasterUserPassword: '{{{{ environment.inputs.db_password }}}}'
  Function:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::111111111111:role/lambda
      Code:
        ZipFile: "def handler(event, context): pass"
      Environment:
        Variables:
          AWS_ACCESS_KEY_ID: {ACCESS_KEY}
          AWS_SECRET_ACCESS_KEY: {SECRET_KEY}
"""


def write_bundle(folder, template=TEMPLATE, schema=SCHEMA):
    for relative, text in (("schema/schema.yaml", schema),
                           ("infrastructure/manifest.yaml", MANIFEST),
                           ("infrastructure/cloudformation.yaml", template)):
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as out:
            out.write(text)


def write_stack_dump(path, template):
    stack_id = "arn:aws:cloudformation:us-east-1:111111111111:stack/AWSProton-env-db/1"
    dump = {
        "TemplateBody": template,
        "Stacks": [{"StackId": stack_id, "StackName": "AWSProton-env-db",
                    "StackStatus": "UPDATE_COMPLETE", "Outputs": [],
                    "Tags": [{"Key": "aws:proton:environment",
                              "Value": "arn:aws:proton:us-east-1:111111111111:environment/env"}]}],
        "StackResources": [
            {"StackName": "AWSProton-env-db", "StackId": stack_id, "LogicalResourceId": logical,
             "PhysicalResourceId": physical, "ResourceType": kind}
            for logical, physical, kind in (("Database", "db-1", "AWS::RDS::DBInstance"),
                                            ("Function", "fn-1", "AWS::Lambda::Function"))],
    }
    with open(path, "w") as out:
        json.dump(dump, out, indent=1)


class Runner:
    def __init__(self, binary, work):
        self.binary, self.work, self.failures, self.checked = binary, work, [], 0

    def run(self, label, arguments, files=()):
        result = subprocess.run([self.binary] + arguments, cwd=self.work, capture_output=True,
                                text=True, timeout=300)
        texts = {"stdout": result.stdout, "stderr": result.stderr}
        for name in files:
            with open(os.path.join(self.work, name), errors="replace") as text:
                texts[name] = text.read()
        for where, text in texts.items():
            for secret in SECRETS:
                if secret in text:
                    self.failures.append(f"{label}: {where} shows {secret[:6]}...")
        if not any(text.strip() for text in texts.values()):
            self.failures.append(f"{label}: printed nothing to check")
        self.checked += 1
        return result


def main():
    args = queue_bundle.command_line()
    work = args.work
    write_bundle(os.path.join(work, "root", "database"))
    write_bundle(os.path.join(work, "broken"),
                 TEMPLATE.replace("'{{ environment.inputs.db_password }}'",
                                  f"'{PASSWORD}{{{{ undefined_name }}}}'"))
    write_bundle(os.path.join(work, "changed"),
                 schema=SCHEMA.replace(PASSWORD, PASSWORD[::-1] + "x").replace(
                     "default: db.t3.micro", "default: db.t3.small"))
    run = Runner(args.bin, work)
    result = run.run("diagnostic", ["render", "broken", "-o", "out"])
    if "[PRS003]" not in result.stderr:
        run.failures.append("diagnostic: the broken template gave no PRS003:\n" + result.stderr)
    for form in ("text", "json", "sarif", "markdown"):
        run.run(f"lint {form}", ["lint", "root/database", "--format", form])
        run.run(f"lint {form} -o", ["lint", "root/database", "--format", form, "-o",
                                    f"lint.{form}"], [f"lint.{form}"])
    run.run("batch reports", ["batch", "root", "--to", "terraform", "-o", "generated",
                              "--report", "md,json,html", "--fail-on", "never"],
            ["generated/batch-report.md", "generated/batch-report.json",
             "generated/batch-report.html"])
    run.run("diff", ["diff", "root/database", "changed", "--fail-on", "never"])
    run.run("diff json", ["diff", "root/database", "changed", "--format", "json",
                          "--fail-on", "never"])
    # Stale generated code: the check diff shows the lines that hold the secrets.
    run.run("convert", ["convert", "root/database", "--to", "terraform", "-o", "tf"])
    for folder, _, names in os.walk(os.path.join(work, "tf")):
        for name in names:
            if name.endswith(".tf") or name.endswith(".tfvars"):
                path = os.path.join(folder, name)
                with open(path) as text:
                    content = text.read()
                with open(path, "w") as text:
                    text.write(content.replace(PASSWORD, "stale").replace(ACCESS_KEY, "stale")
                               .replace(SECRET_KEY, "stale"))
    result = run.run("check", ["check", "root/database", "--to", "terraform", "-o", "tf"])
    if result.returncode != 1:
        run.failures.append(f"check: exit {result.returncode}, expected 1 (stale)")
    # migrate: the deployed stack is the render with the schema defaults (the password among
    # them); its report must not repeat the secrets the recovered inputs hold.
    rendered = subprocess.run([run.binary, "render", "root/database"], cwd=work,
                              capture_output=True, text=True, timeout=300)  # an artifact
    write_stack_dump(os.path.join(work, "stack.json"), rendered.stdout)
    run.run("migrate reports", ["migrate", "--bundle", "root/database", "--stack-dump",
                                "stack.json", "--to", "terraform", "-o", "migrated",
                                "--accept-drift"],
            ["migrated/migration-report.md", "migrated/migration-report.json"])
    for failure in run.failures:
        print("FAIL " + failure, file=sys.stderr)
    print(f"secret_masking: {run.checked} outputs checked, {len(run.failures)} failures")
    if not run.failures:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())

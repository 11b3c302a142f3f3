#!/usr/bin/env python3
"""End-to-end test of `migrate`: every case of migrate-cases.tsv is migrated to each target
from its stack dumps (inputs recovered unless the case gives a spec) and must verify with no
drift; then the artifacts go through the validators: the CDK apps through tsc --strict and
synthesis (the cdk end-to-end machinery), each synthesized stack named as the deployed one and
equal to the deployed template resource by resource; Terraform through `terraform fmt -check`
and, when the shared validators are there, tf-check (provider schemas); Service Catalog product
templates equal to the deployed templates byte for byte, and through cfn-lint when installed.
A hand-modified deployed template must be reported as drift at its resource and property, with
exit code 1. Steps whose tools are missing are skipped; exits 77 when nothing could run."""
import argparse
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdk_round_trip as cdk  # noqa: E402
import template_compare  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SKIPPED = 77
TARGETS = ("terraform", "cdk", "servicecatalog")


def read_cases(path):
    cases = []
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        name, bundle, dumps, spec = line.rstrip("\n").split("\t")
        cases.append((name, bundle, dumps, spec))
    return cases


def migrate(binary, fixtures, case, target, out, extra=()):
    name, bundle, dumps, spec = case
    command = [binary, "migrate", "--bundle", os.path.join(fixtures, bundle), "--to", target,
               "-o", out] + list(extra)
    if dumps.startswith("dir:"):
        command += ["--stack-dir", os.path.join(fixtures, dumps[4:])]
    else:
        for dump in dumps.split("+"):
            command += ["--stack-dump", os.path.join(fixtures, dump)]
    if spec != "-":
        command += ["--spec", os.path.join(fixtures, spec)]
    return cdk.run(command, cwd=fixtures)


def deployed_templates(out):
    folder = os.path.join(out, "deployed")
    return {os.path.splitext(name)[0]: os.path.join(folder, name)
            for name in sorted(os.listdir(folder))}


def check_report(out, failures, label):
    report = json.load(open(os.path.join(out, "migration-report.json")))
    if not report["verified"] or report["drift"]:
        failures.append(f"{label}: drift reported: {report['drift'][:3]}")
    if not os.path.exists(os.path.join(out, "migration-report.md")):
        failures.append(f"{label}: no migration-report.md")
    return report


def check_terraform(out, failures, label, source):
    folder = os.path.join(out, "terraform")
    if not os.path.exists(os.path.join(folder, "root", "imports.tf")):
        failures.append(f"{label}: no root/imports.tf")
    if shutil.which("terraform"):
        result = cdk.run(["terraform", "fmt", "-check", "-recursive", folder])
        if result.returncode != 0:
            failures.append(f"{label}: terraform fmt -check:\n{result.stdout}{result.stderr}")
    else:
        cdk.log(f"  {label}: terraform not installed, fmt check skipped")
    validate = os.path.join(source, "..", "shared", "tools", "validate")
    tf_check = os.path.join(validate, "tf-check")
    if not os.path.exists(tf_check) or not shutil.which("node"):
        cdk.log(f"  {label}: tf-check not found, schema check skipped")
        return
    if not os.path.isdir(os.path.join(validate, "node_modules", "@cdktf", "hcl2json")):
        cdk.log(f"  {label}: tf-check's packages are not installed (npm ci in {validate}), "
                "schema check skipped")
        return
    result = cdk.run([tf_check, "-q", folder])
    if result.returncode != 0:
        failures.append(f"{label}: tf-check:\n{(result.stdout + result.stderr)[-1500:]}")


def check_service_catalog(out, failures, label):
    deployed = deployed_templates(out)
    products = {}
    for root, _, files in os.walk(os.path.join(out, "servicecatalog")):
        for name in files:
            products[os.path.join(root, name)] = open(os.path.join(root, name), "rb").read()
    for stack, path in deployed.items():
        text = open(path, "rb").read()
        if not any(content == text for content in products.values()):
            failures.append(f"{label}: no product artifact equals the deployed template of "
                            f"{stack} byte for byte")
    if not shutil.which("cfn-lint"):
        cdk.log(f"  {label}: cfn-lint not installed, lint skipped")
        return
    templates = [p for p, content in products.items()
                 if p.endswith((".yaml", ".json")) and b"Resources" in content]
    result = cdk.run(["cfn-lint", "--format", "parseable"] + templates)
    errors = [line for line in result.stdout.splitlines() if ":E" in line]
    if errors:
        failures.append(f"{label}: cfn-lint errors:\n  " + "\n  ".join(errors[:10]))


def stack_names(app):
    manifest = json.load(open(os.path.join(app, "cdk.out", "manifest.json")))
    return {artifact_id: artifact.get("properties", {}).get("stackName", artifact_id)
            for artifact_id, artifact in manifest["artifacts"].items()
            if artifact["type"] == "aws:cloudformation:stack"}


def check_cdk_apps(args, apps, failures):
    why = cdk.missing_node()
    if why:
        cdk.log(f"cdk apps skipped: {why}")
        return
    if not cdk.install_packages(args.npm_cache, apps[0][1]):
        cdk.log("cdk apps skipped: the pinned npm packages could not be installed")
        return
    link = os.path.join(args.work, "node_modules")
    if not os.path.exists(link):
        os.symlink(os.path.join(args.npm_cache, "node_modules"), link)
    folders = [app for _, app in apps]
    checked = cdk.type_check(args.work, folders)
    if checked.returncode != 0:
        failures.append("cdk type check:\n" + (checked.stdout + checked.stderr)[-3000:])
        return
    synthesized = cdk.synthesize(args.work, folders)
    if synthesized.returncode != 0:
        failures.append("cdk synthesis:\n" + synthesized.stderr[-3000:])
    for out, app in apps:
        deployed = deployed_templates(out)
        templates = cdk.synthesized_templates(app)
        names = stack_names(app)
        for artifact_id, template in templates.items():
            stack = names.get(artifact_id)
            if stack not in deployed:
                failures.append(f"{app}: stack {artifact_id} is named {stack}, no deployed stack")
                continue
            result = template_compare.compare(template_compare.load(deployed[stack]), template)
            cdk.log(f"{'DIFFERS' if result.differences else 'ok'} {os.path.basename(out)} "
                    f"{stack}: resources equal {result.equal_resources}/{result.total_resources}")
            failures += [f"{stack}: {d}" for d in result.differences]
        missing = set(deployed) - {names.get(a) for a in templates}
        if missing:
            failures.append(f"{app}: no CDK stack for {sorted(missing)}")


def check_drift(args, fixtures, failures):
    out = os.path.join(args.work, "drift")
    case = ("drift", "svc-ecs-pipeline",
            "stack-dumps/migrate/svc-ecs-pipeline/environment.json+"
            "stack-dumps/migrate/drift/orders-dev-drifted.json", "-")
    result = migrate(args.bin, fixtures, case, "terraform", out)
    expected = "Resources.LogGroup Properties.RetentionInDays is deployed as 90"
    if result.returncode != 1 or expected not in result.stderr:
        failures.append(f"drift: exit {result.returncode}, expected 1 and '{expected}':\n"
                        + result.stderr[-1500:])
    else:
        cdk.log("ok drift: reported at Resources.LogGroup Properties.RetentionInDays, exit 1")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--npm-cache", default=os.environ.get(
        "PM_CDK_NODE_MODULES",
        os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                     "proton-migrate", "cdk-node-modules")))
    args = parser.parse_args()
    for name in ("bin", "source", "work", "npm_cache"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
    return args


def main():
    args = parse_arguments()
    fixtures = os.path.join(args.source, "fixtures")
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(os.path.join(args.work, "apps"))
    failures, cdk_apps = [], []
    for case in read_cases(os.path.join(HERE, "migrate-cases.tsv")):
        for target in TARGETS:
            label = f"{case[0]}-{target}"
            out = os.path.join(args.work, "migrations", label)
            result = migrate(args.bin, fixtures, case, target, out)
            if result.returncode != 0:
                failures.append(f"{label}: migrate exited {result.returncode}\n"
                                + result.stderr[-2000:])
                continue
            check_report(out, failures, label)
            if target == "terraform":
                check_terraform(out, failures, label, args.source)
            elif target == "servicecatalog":
                check_service_catalog(out, failures, label)
            else:
                # The cdk machinery type-checks the apps found under apps/.
                app = os.path.join(args.work, "apps", label)
                shutil.copytree(os.path.join(out, "cdk"), app)
                cdk_apps.append((out, app))
            cdk.log(f"migrated {label}")
    if cdk_apps:
        check_cdk_apps(args, cdk_apps, failures)
    check_drift(args, fixtures, failures)
    for failure in failures:
        cdk.log("FAIL " + failure)
    cdk.log(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

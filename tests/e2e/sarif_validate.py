#!/usr/bin/env python3
"""The lint command's SARIF against the SARIF 2.1.0 JSON schema, with stable fingerprints.

Lints every bad case of tests/lint/ as SARIF, validates the files with a JSON schema validator
(npm packages pinned in tests/e2e/sarif/package.json, installed once into a cache folder),
and checks that two runs, and a run over a copy shifted by one line, give the same
partialFingerprints. Exits 77 (skipped) when node or npm is missing."""
import argparse
import json
import os
import shutil
import subprocess
import sys

HELP_BASE = "https://proton-migrate.example/docs/"


def log(message):
    print(f"sarif_validate: {message}", flush=True)


def install(cache, source):
    package = os.path.join(source, "tests", "e2e", "sarif", "package.json")
    os.makedirs(cache, exist_ok=True)
    stamp = os.path.join(cache, "installed-package.json")
    wanted = open(package).read()
    if os.path.exists(stamp) and open(stamp).read() == wanted and \
            os.path.isdir(os.path.join(cache, "node_modules", "ajv-draft-04")):
        return True
    shutil.copy(package, os.path.join(cache, "package.json"))
    for mode in ("--offline", "--prefer-offline"):  # the npm cache first, then the registry
        result = subprocess.run(["npm", "install", mode, "--no-audit", "--no-fund",
                                 "--loglevel=error"], cwd=cache, capture_output=True, text=True,
                                timeout=600)
        if result.returncode == 0:
            open(stamp, "w").write(wanted)
            return True
    log("npm install failed:\n" + result.stderr[-2000:])
    return False


def bad_cases(source):
    root = os.path.join(source, "tests", "lint")
    cases = []
    for rule in sorted(os.listdir(root)):
        folder = os.path.join(root, rule, "bad")
        if os.path.exists(os.path.join(folder, "paths")):
            cases.append([os.path.join(folder, line.strip())
                          for line in open(os.path.join(folder, "paths")) if line.strip()])
        elif os.path.exists(os.path.join(folder, "template.yaml")):
            cases.append([os.path.join(folder, "template.yaml")])
        else:
            cases.append([folder])
    return cases


def lint(binary, paths, output):
    result = subprocess.run([binary, "lint", *paths, "--format", "sarif", "--fail-on", "never",
                             "--help-uri-base", HELP_BASE, "-o", output],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        log(f"lint exited {result.returncode}:\n{result.stderr[-3000:]}")
        sys.exit(1)
    return json.load(open(output))


def fingerprints(sarif):
    return sorted((r["ruleId"], r["partialFingerprints"]["protonMigrateFinding/v1"])
                  for r in sarif["runs"][0]["results"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--npm-cache", default=os.environ.get(
        "PM_SARIF_NODE_MODULES",
        os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                     "proton-migrate", "sarif-validate")))
    parser.add_argument("--install-only", action="store_true")
    args = parser.parse_args()
    if not shutil.which("node") or not shutil.which("npm"):
        log("node or npm is missing: skipped")
        return 77
    if not install(args.npm_cache, args.source):
        return 1
    if args.install_only:
        return 0
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    files = []
    for case in bad_cases(args.source):
        # one file per case: a service and its environment are linted together
        name = os.path.relpath(case[0], os.path.join(args.source, "tests", "lint")).replace(os.sep, "_")
        output = os.path.join(args.work, name + ".sarif")
        first = lint(args.bin, case, output)
        again = lint(args.bin, case, output + ".again")
        if fingerprints(first) != fingerprints(again):
            log(f"{case}: fingerprints differ between two runs")
            return 1
        files.append(output)
    shifted = os.path.join(args.work, "shifted.yaml")
    original = os.path.join(args.source, "tests", "lint", "SEC002", "bad", "template.yaml")
    with open(shifted, "w") as out:
        out.write("# one more line\n" + open(original).read())
    moved = lint(args.bin, [shifted], os.path.join(args.work, "shifted.sarif"))
    kept = lint(args.bin, [original], os.path.join(args.work, "original.sarif"))
    if [rule for rule, _ in fingerprints(moved)] != [rule for rule, _ in fingerprints(kept)]:
        log("the shifted copy has other findings")
        return 1
    files.append(os.path.join(args.work, "shifted.sarif"))
    result = subprocess.run(["node", os.path.join(args.source, "tests", "e2e", "sarif", "validate.js"),
                             os.path.join(args.npm_cache, "node_modules"), *files],
                            capture_output=True, text=True, timeout=600)
    print(result.stdout[-6000:], end="")
    if result.returncode != 0:
        log("SARIF schema validation failed")
        return 1
    log(f"{len(files)} SARIF files valid; fingerprints stable")
    return 0


if __name__ == "__main__":
    sys.exit(main())

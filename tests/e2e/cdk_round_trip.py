#!/usr/bin/env python3
"""End-to-end test of the cdk target: every case of cdk-cases.tsv is converted in rendered and
parametric mode, all apps are type-checked with the apps' own strict tsconfig in one tsc run,
synthesized one after the other, and each synthesized template must equal its rendered template
resource by resource (see template_compare.py). The pinned npm packages are installed once into
a cache directory shared by every app; one app is also copied to an empty folder and built with
`npm install && npx cdk synth` alone. Exits 77 (skipped) when node or npm is missing."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import template_compare  # noqa: E402
import yaml  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SKIPPED = 77
MIN_NODE_MAJOR = 20  # aws-cdk-lib's engines field
MODES = ("rendered", "parametric")
# The reference renderer's context for every golden under fixtures/ (see fixtures/README.md).
CONTEXT = ["--context", "service.name=svc1", "--context", "environment.account_id=123456789012"]
# The app built alone from an empty folder, as a user would after copying it.
STANDALONE_APP = "cdk-identifiers-parametric"


class Case:
    def __init__(self, fields):
        self.name, bundle, spec, env_outputs, component_outputs, stacks, known = fields
        # Several bundles (joined by "+") make one app, each with its spec (in the same order).
        self.bundles = bundle.split("+")
        self.side_files = [("--spec", path) for path in spec.split("+") if path != "-"]
        self.side_files += [(flag, path) for flag, path in (
            ("--env-outputs", env_outputs), ("--component-outputs", component_outputs))
            if path != "-"]
        self.env_outputs = None if env_outputs == "-" else env_outputs
        self.stacks = [pair.split("=", 1) for pair in stacks.split(",")]
        # "RULE": the conversion fails with RULE. "MODE:RULE:ID+ID": in MODE the stacks ID
        # differ, as RULE warns (parametric mode renders what it cannot lift with the first
        # instance's values, so the other instances' stacks carry them too).
        self.known = None if known == "-" else known

    def known_failure(self, mode):
        if self.known and ":" not in self.known:
            return self.known
        return None

    def stacks_to_compare(self, mode, stderr):
        if not self.known or not self.known.startswith(mode + ":"):
            return self.stacks, []
        _, rule, ids = self.known.split(":")
        if f"[{rule}]" not in stderr:
            return self.stacks, []
        skipped = ids.split("+")
        return [s for s in self.stacks if s[0] not in skipped], skipped


def read_cases(path, only):
    cases = []
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        case = Case(line.rstrip("\n").split("\t"))
        if not only or only in case.name:
            cases.append(case)
    return cases


def log(message):
    print(message, flush=True)


def run(command, cwd=None, env=None, timeout=900):
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def clean_env():
    """No AWS credentials or instance metadata lookups: synthesis never needs an account."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    env["CDK_DISABLE_VERSION_CHECK"] = "1"
    return env


def convert(binary, fixtures, case, mode, out):
    command = [binary, "convert"] + [os.path.join(fixtures, b) for b in case.bundles] + [
        "--to", "cdk", "--mode", mode, "-o", out] + CONTEXT
    for flag, path in case.side_files:
        command += [flag, os.path.join(fixtures, path)]
    return run(command)


def install_packages(cache, app):
    """npm install of the generated app's package.json into the cache, once per package set."""
    wanted = json.load(open(os.path.join(app, "package.json")))
    manifest = {"name": "proton-migrate-cdk-e2e", "version": "0.0.0", "private": True,
                "dependencies": dict(sorted({**wanted.get("dependencies", {}),
                                             **wanted.get("devDependencies", {})}.items()))}
    text = json.dumps(manifest, indent=2) + "\n"
    stamp = os.path.join(cache, "installed-package.json")
    if os.path.exists(stamp) and open(stamp).read() == text and \
            os.path.isdir(os.path.join(cache, "node_modules", "aws-cdk-lib")):
        log(f"npm packages: reusing {cache}/node_modules")
        return True
    os.makedirs(cache, exist_ok=True)
    with open(os.path.join(cache, "package.json"), "w") as f:
        f.write(text)
    start = time.time()
    for mode in ("--offline", "--prefer-offline"):  # the npm cache first, then the registry
        result = run(["npm", "install", mode, "--no-audit", "--no-fund", "--loglevel=error"],
                     cwd=cache, timeout=1800)
        if result.returncode == 0:
            with open(stamp, "w") as f:
                f.write(text)
            log(f"npm packages: installed into {cache} ({mode}, {time.time() - start:.1f}s)")
            return True
    log("npm install failed:\n" + result.stderr.strip()[-2000:])
    return False


def type_check(work, apps):
    """One tsc program over every app, with the compiler options the apps carry."""
    options = json.load(open(os.path.join(apps[0], "tsconfig.json")))["compilerOptions"]
    config = {"compilerOptions": options,
              "include": [f"apps/{os.path.basename(a)}/{d}/**/*.ts" for a in apps
                          for d in ("bin", "lib")]}
    with open(os.path.join(work, "tsconfig.json"), "w") as f:
        json.dump(config, f, indent=2)
    tsc = os.path.join(work, "node_modules", "typescript", "bin", "tsc")
    return run(["node", tsc, "-p", "tsconfig.json"], cwd=work)


SYNTH_DRIVER = """// Runs each app's bin/app.js the way `cdk synth` does (CDK_OUTDIR set, so each App
// synthesizes when the process ends), in one process so aws-cdk-lib loads once.
const path = require('path');
for (const app of process.argv.slice(2)) {
  process.env.CDK_OUTDIR = path.join(app, 'cdk.out');
  try {
    require(path.join(app, 'bin', 'app.js'));
  } catch (error) {
    console.error(`SYNTH-FAILED ${app}: ${error.stack || error}`);
    process.exitCode = 1;
  }
}
"""


def synthesize(work, apps):
    driver = os.path.join(work, "synth-all.js")
    with open(driver, "w") as f:
        f.write(SYNTH_DRIVER)
    return run(["node", driver] + apps, cwd=work, env=clean_env())


def synthesized_templates(app):
    folder = os.path.join(app, "cdk.out")
    if not os.path.isdir(folder):
        return {}
    return {name[:-len(".template.json")]: template_compare.load(os.path.join(folder, name))
            for name in sorted(os.listdir(folder)) if name.endswith(".template.json")}


def compare_stacks(fixtures, stacks, app, wiring=(None, False)):
    """Differences of the app's stacks against their rendered templates. A stack importing an
    environment stack's output of the same app (cross-stack wiring) is compared with the import
    replaced by the value the rendered template was given for that output (`wiring`: the
    env-outputs file, and whether the app must import at least one)."""
    env_outputs, wired = wiring
    problems, equal, total = [], 0, 0
    templates = synthesized_templates(app)
    exports = template_compare.exports_of(templates)
    imported = template_compare.imported_names(templates)
    if wired and not imported & set(exports):
        problems.append("no stack imports an output of another stack of the app")
    values = yaml.safe_load(open(os.path.join(fixtures, env_outputs))) if env_outputs else {}
    for construct_id, expected in stacks:
        if construct_id not in templates:
            problems.append(f"{construct_id}: no synthesized template")
            continue
        original = template_compare.load(os.path.join(fixtures, expected))
        synthesized = template_compare.resolve_imports(
            template_compare.without_added_exports(original, templates[construct_id], imported),
            exports, values)
        result = template_compare.compare(original, synthesized)
        equal += result.equal_resources
        total += result.total_resources
        problems += [f"{construct_id}: {d}" for d in result.differences]
    return problems, equal, total


def build_standalone(fixtures, stacks, app, wiring=(None, False)):
    """Copy the app to an empty folder, build it with `npm install && npx cdk synth` and
    compare what it synthesized."""
    folder = tempfile.mkdtemp(prefix="cdk-standalone-")
    copy = os.path.join(folder, "app")
    shutil.copytree(app, copy, ignore=shutil.ignore_patterns("cdk.out", "*.js", "*.d.ts",
                                                             "node_modules"))
    start = time.time()
    result = run(["npm", "install", "--prefer-offline", "--no-audit", "--no-fund",
                  "--loglevel=error"], cwd=copy, timeout=1800)
    if result.returncode == 0:
        result = run(["npx", "cdk", "synth", "--no-notices"], cwd=copy, env=clean_env())
    ok = result.returncode == 0 and os.path.isdir(os.path.join(copy, "cdk.out"))
    if ok:
        problems, _, _ = compare_stacks(fixtures, stacks, copy, wiring)
        ok = not problems
        result.stderr += "\n".join(problems)
    log(f"standalone app {os.path.basename(app)}: {'ok' if ok else 'FAILED'} "
        f"({time.time() - start:.1f}s, npm install && npx cdk synth in {folder})")
    if not ok:
        log((result.stdout + result.stderr).strip()[-3000:])
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return ok


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True, help="the proton-migrate binary")
    parser.add_argument("--source", required=True, help="the repository root")
    parser.add_argument("--work", required=True, help="a scratch folder (emptied first)")
    parser.add_argument("--npm-cache", default=os.environ.get(
        "PM_CDK_NODE_MODULES",
        os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                     "proton-migrate", "cdk-node-modules")),
        help="where the pinned npm packages are installed once (env PM_CDK_NODE_MODULES)")
    parser.add_argument("--filter", help="only the cases whose name contains this")
    parser.add_argument("--no-standalone", action="store_true",
                        help="skip building one app alone from an empty folder")
    parser.add_argument("--install-only", action="store_true",
                        help="only install the npm packages into the cache")
    args = parser.parse_args()
    for name in ("bin", "source", "work", "npm_cache"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
    return args


def node_major():
    version = run(["node", "--version"]).stdout.strip().lstrip("v").split(".")[0]
    return int(version) if version.isdigit() else None


def node_cache_bin():
    """Where tools/bootstrap installs a recent node when the machine's is too old."""
    cache = os.environ.get("PM_NODE_DIR", os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "proton-migrate", "node"))
    return os.path.join(cache, "node_modules", ".bin")


def missing_node():
    """Why the test cannot run here, or None. A machine's node older than MIN_NODE_MAJOR is
    replaced by the one tools/bootstrap cached, when there is one."""
    for tool in ("node", "npm"):
        if not shutil.which(tool):
            return (f"{tool} is not installed; the cdk end-to-end test needs Node.js "
                    f"{MIN_NODE_MAJOR}+ and npm")
    major = node_major()
    if (major is None or major < MIN_NODE_MAJOR) and os.path.isfile(
            os.path.join(node_cache_bin(), "node")):
        os.environ["PATH"] = node_cache_bin() + os.pathsep + os.environ["PATH"]
        major = node_major()
    if major is None or major < MIN_NODE_MAJOR:
        return f"node {major or '?'} is too old; aws-cdk-lib needs Node.js {MIN_NODE_MAJOR}+"
    return None


def convert_all(args, fixtures, cases, failures):
    """The apps to check as (stacks to compare, folder), after listing the known failures."""
    expected_failures, apps = [], []
    for case in cases:
        for mode in MODES:
            name = f"{case.name}-{mode}"
            out = os.path.join(args.work, "apps", name)
            result = convert(args.bin, fixtures, case, mode, out)
            rule = case.known_failure(mode)
            if rule:
                if result.returncode != 0 and f"[{rule}]" in result.stderr:
                    expected_failures.append(f"{name} ({rule})")
                    continue
                log(f"NOTE {name}: no longer fails with {rule}; update cdk-cases.tsv")
            if result.returncode != 0:
                failures.append(f"{name}: convert exited {result.returncode}\n"
                                + result.stderr.strip()[-1500:])
                continue
            stacks, skipped = case.stacks_to_compare(mode, result.stderr)
            expected_failures += [f"{name} {stack} ({case.known})" for stack in skipped]
            # Parametric apps of several bundles wire environment outputs across stacks.
            wired = mode == "parametric" and len(case.bundles) > 1
            apps.append((stacks, out, (case.env_outputs, wired)))
            if args.install_only:
                return apps
    log(f"converted {len(apps)} apps; {len(expected_failures)} known failures (cdk-cases.tsv):")
    for failure in expected_failures:
        log(f"  XFAIL {failure}")
    return apps


def check_apps(args, fixtures, apps, failures):
    """One tsc run over every app, one synthesis of each, and the comparisons."""
    folders = [out for _, out, _ in apps]
    step = time.time()
    checked = type_check(args.work, folders)
    log(f"tsc --strict over {len(apps)} apps: {'ok' if checked.returncode == 0 else 'FAILED'} "
        f"({time.time() - step:.1f}s)")
    if checked.returncode != 0:
        failures.append("type check:\n" + (checked.stdout + checked.stderr).strip()[-4000:])
        return
    step = time.time()
    synthesized = synthesize(args.work, folders)
    log(f"synthesis of {len(apps)} apps: {'ok' if synthesized.returncode == 0 else 'FAILED'} "
        f"({time.time() - step:.1f}s)")
    if synthesized.returncode != 0:
        failures.append("synthesis:\n" + synthesized.stderr.strip()[-4000:])
    equal = total = 0
    for stacks, out, wiring in apps:
        problems, app_equal, app_total = compare_stacks(fixtures, stacks, out, wiring)
        equal += app_equal
        total += app_total
        log(f"{'DIFFERS' if problems else 'ok'} {os.path.basename(out)}: "
            f"resources equal {app_equal}/{app_total}")
        if problems:
            failures.append(os.path.basename(out) + ":\n  " + "\n  ".join(problems[:20]))
    log(f"resources equal: {equal}/{total}")


def main():
    args = parse_arguments()
    started = time.time()
    why = missing_node()
    if why:
        log(f"SKIPPED: {why} (tools/bootstrap test installs them)")
        return SKIPPED

    fixtures = os.path.join(args.source, "fixtures")
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(os.path.join(args.work, "apps"))
    failures = []
    apps = convert_all(args, fixtures, read_cases(os.path.join(HERE, "cdk-cases.tsv"),
                                                  args.filter), failures)
    if not apps:
        return report(failures, started)
    if not install_packages(args.npm_cache, apps[0][1]):
        log("SKIPPED: the pinned npm packages could not be installed (no registry and no npm "
            "cache); run `tools/bootstrap test` once with network access")
        return SKIPPED
    if args.install_only:
        return 0
    os.symlink(os.path.join(args.npm_cache, "node_modules"),
               os.path.join(args.work, "node_modules"))
    check_apps(args, fixtures, apps, failures)
    standalone = [app for app in apps if os.path.basename(app[1]) == STANDALONE_APP]
    if standalone and not args.no_standalone and not build_standalone(fixtures, *standalone[0]):
        failures.append(f"{STANDALONE_APP} does not build alone")
    return report(failures, started)


def report(failures, started):
    for failure in failures:
        log("FAIL " + failure)
    log(f"cdk end-to-end: {'FAILED' if failures else 'passed'} in {time.time() - started:.1f}s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

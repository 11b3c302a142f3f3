#!/usr/bin/env python3
"""Hostile inputs are refused within bounded memory and time.

Each case is a small environment bundle with one hostile file: a billion-laughs YAML document
(in the template, the schema, the spec, the manifest), nesting deeper than the readers allow,
files over the 16 MiB input bound, Jinja loops of 10^9 iterations (one loop, and nested loops),
a template rendering more than the output bound. `render` must exit 3 with the expected rule id
at a file:line:col (or the file, for file-level rules), within MAX_SECONDS and MAX_RSS_KIB
(measured for the child with getrusage, as /usr/bin/time -v does). Last, a parametric
conversion of a template with a heavy loop and eight guards must finish, its guards falling back
(MIG008) once the loop budget all its renders share is spent.

usage: input_limits.py --bin PROTON_MIGRATE --work DIR"""
import os
import re
import resource
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import queue_bundle  # noqa: E402

# In the sanitizer build (-DPM_SANITIZE=ON, whose CMake sets PM_SANITIZED for this test) the
# bounds are scaled: AddressSanitizer keeps freed memory in quarantine and adds shadow memory
# and redzones (its documentation gives about 3x the memory), and ASan + UBSan made the Jinja
# loop case 13x slower (2.25 s -> 29.6 s on a quiet machine, 189 s on a loaded one).
# Unbounded growth still fails the scaled bounds by far.
SANITIZED = bool(os.environ.get("PM_SANITIZED"))
SANITIZER_MEMORY_FACTOR = 3
SANITIZER_TIME_FACTOR = 10
MAX_SECONDS = 60 * (SANITIZER_TIME_FACTOR if SANITIZED else 1)
MAX_RSS_KIB = 400 * 1024 * (SANITIZER_MEMORY_FACTOR if SANITIZED else 1)

SCHEMA, MANIFEST, TEMPLATE, SPEC = (queue_bundle.SCHEMA, queue_bundle.MANIFEST,
                                   queue_bundle.TEMPLATE, queue_bundle.SPEC)


def laughs(indent, key="lol9"):
    """Ten levels of ten aliases each: 10^9 leaves once expanded, a kilobyte as written."""
    lines = [f'{indent}lol0: &lol0 "lol"']
    for level in range(1, 10):
        refs = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"{indent}lol{level}: &lol{level} [{refs}]")
    return "\n".join(lines) + "\n"


def alias_fan_out(inputs=200):
    """An alias of 111,111 nodes as the default of 200 inputs: 22 million nodes expanded."""
    lines = [queue_bundle.SCHEMA_HEAD.rstrip("\n"), "      x-anchors:"]
    lines.append(laughs(" " * 8).split("lol6:")[0].rstrip())
    lines.append("      properties:")
    for n in range(inputs):
        lines += [f"        in{n}:", "          type: array", "          default: *lol5"]
    return "\n".join(lines) + "\n"


def deep(depth):
    return "[" * depth + "]" * depth


def cases():
    big = "x" * (17 << 20)
    return {
        "template-billion-laughs": ({"infrastructure/cloudformation.yaml":
                                     "Metadata:\n" + laughs("  ") + TEMPLATE}, "PRS001", True),
        # The alias bombs sit where each reader walks: an input's default, a spec value, the
        # template file name of the manifest.
        "schema-billion-laughs": ({"schema/schema.yaml": SCHEMA.replace(
            "          default: jobs\n", "          default:\n" + laughs(" " * 12))},
            "PRS001", True),
        "spec-billion-laughs": ({"../spec.yaml": SPEC.replace(
            "  queue_name: nightly-jobs\n", "  queue_name:\n" + laughs(" " * 4))},
            "PRS001", True),
        # Each default under the bound, all of them together far past it: the document is
        # bounded as a whole, not each value read from it.
        "schema-alias-fan-out": ({"schema/schema.yaml": alias_fan_out()}, "PRS001", True),
        "manifest-billion-laughs": ({"infrastructure/manifest.yaml": MANIFEST.replace(
            '    - file: "cloudformation.yaml"\n', "    - file:\n" + laughs(" " * 8))},
            "PRS00[15]", True),
        "template-deep-nesting": ({"infrastructure/cloudformation.yaml":
                                   TEMPLATE + "Metadata:\n  Deep: " + deep(100000) + "\n"},
                                  "PRS001", True),
        "spec-deep-nesting": ({"../spec.yaml": SPEC + "  deep: " + deep(100000) + "\n"},
                              "PRS001", True),
        "spec-over-16-MiB": ({"../spec.yaml": SPEC + "# " + big + "\n"}, "PRS011", False),
        "template-over-16-MiB": ({"infrastructure/cloudformation.yaml":
                                  TEMPLATE + "# " + big + "\n"}, "PRS011", False),
        "jinja-range-10-9": ({"infrastructure/cloudformation.yaml": TEMPLATE +
                              "{% for i in range(10**9) %}{% endfor %}\n"}, "PRS003", True),
        "jinja-nested-loops": ({"infrastructure/cloudformation.yaml": TEMPLATE +
                                "{% for i in range(1000) %}{% for j in range(1000) %}"
                                "{% for k in range(1000) %}{% endfor %}{% endfor %}"
                                "{% endfor %}\n"}, "PRS003", True),
        "jinja-output-bomb": ({"infrastructure/cloudformation.yaml": TEMPLATE +
                               "{% for i in range(900000) %}{{ 'x' * 1000 }}{% endfor %}\n"},
                              "PRS003", True),
        "jinja-repetition-overflow": ({"infrastructure/cloudformation.yaml": TEMPLATE +
                                       "{{ 'abcdefgh' * 2305843009213693952 }}\n"},
                                      "PRS003", True),
    }


def write_bundle(folder, overrides):
    files = dict(queue_bundle.FILES)
    files.update({os.path.normpath(os.path.join("bundle", relative)): text
                  for relative, text in overrides.items()})
    queue_bundle.write_files(folder, files)


def run(binary, folder):
    """Runs render in a child and returns (result, seconds, peak KiB of that child alone)."""
    start = time.time()
    pid = os.fork()
    if pid == 0:
        os.chdir(folder)
        err = os.open("stderr.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        out = os.open("stdout.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.execv(binary, [binary, "render", "bundle", "--spec", "spec.yaml", "-o", "out"])
    _, status, usage = os.wait4(pid, 0)
    seconds = time.time() - start
    with open(os.path.join(folder, "stderr.txt"), errors="replace") as err:
        stderr = err.read()
    return os.waitstatus_to_exitcode(status), stderr, seconds, usage.ru_maxrss


GUARDED_SCHEMA = queue_bundle.SCHEMA + "".join(
    f"        flag{n}:\n          type: boolean\n          default: true\n" for n in range(8))
GUARDED_TEMPLATE = queue_bundle.TEMPLATE + (
    "{% for i in range(1000) %}{% for j in range(900) %}{% endfor %}{% endfor %}\n") + "".join(
    f"{{% if environment.inputs.flag{n} %}}\n  Queue{n}:\n    Type: AWS::SQS::Queue\n"
    f"{{% endif %}}\n" for n in range(8))


def heavy_loop_under_guards(binary, work):
    """Parametric mode renders a template once per guard: one loop budget for all the renders
    keeps a heavy loop from costing nine times over; the guards fall back (MIG008)."""
    folder = os.path.abspath(os.path.join(work, "parametric-heavy-loop"))
    files = dict(queue_bundle.FILES)
    files["bundle/schema/schema.yaml"] = GUARDED_SCHEMA
    files["bundle/infrastructure/cloudformation.yaml"] = GUARDED_TEMPLATE
    queue_bundle.write_files(folder, files)
    start = time.time()
    result = subprocess.run([binary, "convert", "bundle", "--to", "terraform", "-o", "out"],
                            cwd=folder, capture_output=True, text=True, timeout=600)
    seconds = time.time() - start
    fallbacks = [line for line in result.stderr.split("\n")
                 if "[MIG008]" in line and "loop iterations" in line]
    print(f"input_limits: parametric-heavy-loop: exit {result.returncode}, {seconds:.2f} s, "
          f"{len(fallbacks)} guards fell back on the shared loop budget", flush=True)
    failures = []
    if result.returncode != 0 or len(fallbacks) != 8:
        failures.append(f"parametric-heavy-loop: exit {result.returncode}, {len(fallbacks)} "
                        f"MIG008 fallbacks on the loop budget, expected 0 and 8")
    return failures


def deployed_template_laughs(binary, work):
    """recover-spec reads a deployed template, `get-template` JSON or YAML: a TemplateBody that is
    an alias bomb must be refused, not written out as JSON."""
    folder = os.path.abspath(os.path.join(work, "recover-spec-template-body-laughs"))
    queue_bundle.write_files(folder, dict(queue_bundle.FILES, **{
        "deployed.yaml": "TemplateBody:\n" + laughs("  ")}))
    start = time.time()
    result = subprocess.run([binary, "recover-spec", "bundle", "--template", "deployed.yaml"],
                            cwd=folder, capture_output=True, text=True, timeout=600)
    seconds = time.time() - start
    first = result.stderr.split("\n", 1)[0]
    print(f"input_limits: recover-spec-template-body-laughs: exit {result.returncode}, "
          f"{seconds:.2f} s: {first}", flush=True)
    if result.returncode != 3 or "[PRS001]" not in first or seconds > MAX_SECONDS:
        return [f"recover-spec-template-body-laughs: exit {result.returncode}, {seconds:.1f} s"]
    return []


def main():
    args = queue_bundle.command_line()
    binary = args.bin
    failures = []
    for name, (overrides, rule, has_line) in cases().items():
        folder = os.path.abspath(os.path.join(args.work, name))
        write_bundle(folder, overrides)
        code, stderr, seconds, peak = run(binary, folder)
        first = stderr.split("\n", 1)[0]
        where = r"\S+:\d+:\d+" if has_line else r"\S+"
        located = re.match(rf"^{where}: error: .*\[{rule}\]$", first)
        print(f"input_limits: {name}: exit {code}, {seconds:.2f} s, {peak // 1024} MiB: {first}",
              flush=True)
        if code != 3:
            failures.append(f"{name}: exit {code}, expected 3")
        if not located:
            failures.append(f"{name}: first diagnostic not located with [{rule}]: {first}")
        if seconds > MAX_SECONDS or peak > MAX_RSS_KIB:
            failures.append(f"{name}: {seconds:.1f} s, {peak} KiB above the bounds")
        if os.path.exists(os.path.join(folder, "out")):
            failures.append(f"{name}: an output folder was written")
    failures += heavy_loop_under_guards(binary, args.work)
    failures += deployed_template_laughs(binary, args.work)
    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    if not failures:
        shutil.rmtree(args.work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Killing a `batch` run mid-way leaves no partial bundle folder.

Converts many copies of the fixtures (the previous output), adds a comment to every schema and
converts them again (the reference). Then a run over the previous output is stopped by SIGINT
and by SIGTERM part-way through: every bundle folder must be whole, either the previous
output left intact or the reference, and no staging folder (".<name>.new-*") may remain. A run
into an empty folder is stopped by SIGKILL: every bundle folder is the reference or absent
(staging folders may remain, as nothing can catch SIGKILL); the next run must remove them and
complete the output.

usage: batch_interrupt.py --bin PROTON_MIGRATE --source SOURCE_DIR --work DIR"""
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import queue_bundle  # noqa: E402

FIXTURES = ["svc-sqs-json", "env-vpc-cfn", "svc-worker-component", "svc-ecs-pipeline"]
COPIES = 40
MARKER = ".proton-migrate.json"


def log(message):
    print(f"batch_interrupt: {message}", flush=True)


def make_root(source, root):
    for copy in range(COPIES):
        for fixture in FIXTURES:
            shutil.copytree(os.path.join(source, "fixtures", fixture),
                            os.path.join(root, f"copy{copy:02d}", fixture))


def change_inputs(root):
    """A comment in every schema: the next run's markers differ, so it rewrites every folder."""
    for folder, _, files in os.walk(root):
        if "schema.yaml" in files:
            with open(os.path.join(folder, "schema.yaml"), "a") as schema:
                schema.write("# changed\n")


def batch(binary, root, out, wait=True):
    command = [binary, "batch", root, "--to", "terraform", "-o", out, "-j", "2",
               "--fail-on", "never"]
    # stderr to a file: a pipe nobody reads while the run goes on could fill and stall it.
    with open(out + ".stderr", "w") as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
    if wait:
        process.wait(timeout=1800)
    return process


def stderr_of(out):
    with open(out + ".stderr") as err:
        return err.read()[-2000:]


def bundle_folders(out):
    """Bundle folder (relative) -> {file: bytes}; a bundle folder holds the output marker."""
    folders = {}
    for folder, directories, files in os.walk(out):
        directories[:] = [name for name in directories if not is_staging(name)]
        if MARKER in files:
            content = {}
            for sub, _, names in os.walk(folder):
                for name in names:
                    path = os.path.join(sub, name)
                    with open(path, "rb") as data:
                        content[os.path.relpath(path, folder)] = data.read()
            folders[os.path.relpath(folder, out)] = content
    return folders


def is_staging(name):
    return name.startswith(".") and (".new-" in name or ".old-" in name)


def staging_entries(out):
    found = []
    for folder, directories, files in os.walk(out):
        for name in directories + files:
            if is_staging(name):
                found.append(os.path.relpath(os.path.join(folder, name), out))
    return found


def written(out, reference):
    """How many bundle folders already hold this run's marker (read alone, to poll quickly)."""
    count = 0
    for folder, content in reference.items():
        try:
            with open(os.path.join(out, folder, MARKER), "rb") as marker:
                count += marker.read() == content[MARKER]
        except OSError:
            pass
    return count


def interrupt_midway(process, out, reference, how):
    """Sends `how` once some bundle folders are written and many remain."""
    total = len(reference)
    deadline = time.time() + 600
    while time.time() < deadline and process.poll() is None:
        done = written(out, reference)
        if total // 5 <= done <= total // 2:
            break
        time.sleep(0.02)
    if process.poll() is not None:
        return False
    process.send_signal(how)
    process.wait(timeout=120)
    return True


def compare(label, out, reference, previous):
    failures = []
    now = bundle_folders(out)
    for folder, content in now.items():
        if content != reference.get(folder) and content != (previous or {}).get(folder):
            failures.append(f"{label}: {folder} is neither the previous output nor complete")
    missing = set(previous or {}) - set(now)
    if missing:
        failures.append(f"{label}: previous bundle folders lost: {sorted(missing)[:5]}")
    return failures, now


def run_signal_case(binary, root, work, reference, previous_out, how):
    label = signal.Signals(how).name
    out = os.path.join(work, f"out-{label}")
    shutil.copytree(previous_out, out, symlinks=True)
    previous = bundle_folders(out)
    process = batch(binary, root, out, wait=False)
    if not interrupt_midway(process, out, reference, how):
        return [f"{label}: the run ended before it could be interrupted"]
    failures, now = compare(label, out, reference, previous)
    replaced = sum(1 for folder in now if now[folder] == reference.get(folder)
                   and now[folder] != previous.get(folder))
    log(f"{label}: exit {process.returncode}, {replaced} of {len(reference)} bundle folders "
        f"replaced before the signal, the others intact")
    if process.returncode != -how:
        failures.append(f"{label}: exit status {process.returncode}, expected death by signal")
    leftovers = staging_entries(out)
    if leftovers:
        failures.append(f"{label}: staging entries left: {leftovers[:5]}")
    return failures


def run_kill_case(binary, root, work, reference):
    out = os.path.join(work, "out-SIGKILL")
    process = batch(binary, root, out, wait=False)
    if not interrupt_midway(process, out, reference, signal.SIGKILL):
        return ["SIGKILL: the run ended before it could be killed"]
    failures, now = compare("SIGKILL", out, reference, None)
    log(f"SIGKILL: {len(now)} of {len(reference)} bundle folders complete, "
        f"{len(staging_entries(out))} staging entries left behind")
    # What a kill while writing leaves when it comes at the wrong moment: a staging folder of a
    # process that is gone (pids stay below 2^22 on Linux, so this one never ran).
    first = sorted(reference)[0]
    stale = os.path.join(out, os.path.dirname(first),
                         "." + os.path.basename(first) + ".new-999999999-1")
    os.makedirs(stale, exist_ok=True)
    rerun = batch(binary, root, out)
    if rerun.returncode != 0:
        failures.append(f"SIGKILL rerun: exit {rerun.returncode}\n{stderr_of(out)}")
    if bundle_folders(out) != reference:
        failures.append("SIGKILL rerun: the output differs from a clean run")
    leftovers = staging_entries(out)
    if leftovers:
        failures.append(f"SIGKILL rerun: stale staging entries not removed: {leftovers[:5]}")
    return failures


def main():
    args = queue_bundle.command_line(with_source=True)
    binary = args.bin
    work = args.work
    root = os.path.join(work, "root")
    make_root(args.source, root)
    reference_out = os.path.join(work, "reference")
    previous_out = os.path.join(work, "previous")
    for out in (previous_out, reference_out):
        if out == reference_out:
            change_inputs(root)
        result = batch(binary, root, out)
        if result.returncode != 0:
            print(f"FAIL clean run: exit {result.returncode}\n" + stderr_of(out), file=sys.stderr)
            return 1
    reference = bundle_folders(reference_out)
    log(f"{len(reference)} bundle folders in a clean run")
    failures = []
    for how in (signal.SIGINT, signal.SIGTERM):
        failures += run_signal_case(binary, root, work, reference, previous_out, how)
    failures += run_kill_case(binary, root, work, reference)
    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    if not failures:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

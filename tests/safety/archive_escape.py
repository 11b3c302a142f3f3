#!/usr/bin/env python3
"""Hostile bundle archives write nothing outside the output folder.

Builds archives at test time with tarfile (tar itself refuses most of them): entries named
../../x and /abs, a symbolic link pointing outside followed by an entry written through it, a
hard link, a character device, a FIFO and a decompression bomb (1 GiB of zeros). Each is given
to `render` and `convert`; every run must exit 3 with PRS007, create no output folder, leave
the work folder's parent and the sentinel paths outside untouched, and stay within a memory
bound (the bomb is refused while reading, never inflated in full).

usage: archive_escape.py --bin PROTON_MIGRATE --work DIR"""
import io
import os
import resource
import shutil
import subprocess
import sys
import tarfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import queue_bundle  # noqa: E402

MTIME = 1735689600
SCHEMA, MANIFEST, TEMPLATE = (text.encode() for text in (
    queue_bundle.SCHEMA, queue_bundle.MANIFEST, queue_bundle.TEMPLATE))
SPEC = queue_bundle.SPEC
BOMB_BYTES = 1 << 30
TMP_SENTINEL = f"/tmp/proton-migrate-escape-{os.getpid()}.yaml"
MAX_RSS_KIB = 512 * 1024  # the reader stops at 64 MiB; far below the bomb's 1 GiB


def info(name, kind=tarfile.REGTYPE, size=0, link=""):
    entry = tarfile.TarInfo(name)
    entry.type, entry.size, entry.linkname, entry.mtime, entry.mode = kind, size, link, MTIME, 0o644
    return entry


def base_entries(tar):
    for name, data in (("schema/schema.yaml", SCHEMA), ("infrastructure/manifest.yaml", MANIFEST)):
        tar.addfile(info(name, size=len(data)), io.BytesIO(data))


def template_entry(tar, name="infrastructure/cloudformation.yaml"):
    tar.addfile(info(name, size=len(TEMPLATE)), io.BytesIO(TEMPLATE))


class Zeros(io.RawIOBase):
    """A file of `size` zero bytes that is never held in memory."""

    def __init__(self, size):
        self.left = size

    def readable(self):
        return True

    def readinto(self, buffer):
        count = min(len(buffer), self.left)
        buffer[:count] = bytes(count)
        self.left -= count
        return count


def write_archive(path, add_entries):
    # gzip level 1: the bomb compresses to about 4 MiB and takes seconds, not minutes.
    with open(path, "wb") as raw:
        compressor = zlib.compressobj(1, zlib.DEFLATED, 31)

        class Sink(io.RawIOBase):
            def writable(self):
                return True

            def write(self, data):
                raw.write(compressor.compress(bytes(data)))
                return len(data)

        with tarfile.open(fileobj=Sink(), mode="w|", format=tarfile.GNU_FORMAT) as tar:
            add_entries(tar)
        raw.write(compressor.flush())


def cases(outside, sentinel_dir):
    escape_name = os.path.relpath(os.path.join(outside, "escaped.yaml"), "/")
    return {
        "parent-path": lambda t: (base_entries(t), template_entry(t, "../../x"),
                                  template_entry(t, "infrastructure/../../../x.yaml")),
        "absolute-path": lambda t: (base_entries(t), template_entry(t, "/" + escape_name),
                                    template_entry(t, TMP_SENTINEL)),
        "symlink-then-write": lambda t: (
            base_entries(t),
            t.addfile(info("infrastructure/out", tarfile.SYMTYPE, link=sentinel_dir)),
            template_entry(t, "infrastructure/out/cloudformation.yaml"),
            template_entry(t)),
        "relative-symlink": lambda t: (
            base_entries(t), t.addfile(info("infrastructure/cloudformation.yaml",
                                            tarfile.SYMTYPE, link="../../../etc/passwd"))),
        "hardlink": lambda t: (base_entries(t), t.addfile(
            info("infrastructure/cloudformation.yaml", tarfile.LNKTYPE, link="/etc/passwd"))),
        "character-device": lambda t: (base_entries(t), t.addfile(
            info("infrastructure/cloudformation.yaml", tarfile.CHRTYPE))),
        "fifo": lambda t: (base_entries(t), t.addfile(
            info("infrastructure/cloudformation.yaml", tarfile.FIFOTYPE))),
        "bomb": lambda t: (base_entries(t), template_entry(t), t.addfile(
            info("infrastructure/zeros.bin", size=BOMB_BYTES), Zeros(BOMB_BYTES))),
    }


def listing(folder):
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else None


def run_case(binary, work, name, add_entries, watched):
    folder = os.path.join(work, name)
    os.makedirs(folder)
    archive = os.path.join(folder, "bundle.tar.gz")
    write_archive(archive, add_entries)
    with open(os.path.join(folder, "spec.yaml"), "w") as spec:
        spec.write(SPEC)
    failures = []
    first_lines = []
    for command in (["render", "bundle.tar.gz", "--spec", "spec.yaml", "-o", "out"],
                    ["convert", "bundle.tar.gz", "--to", "terraform", "-o", "out"]):
        before = {path: listing(path) for path in watched + [folder]}
        usage_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result = subprocess.run([binary] + command, cwd=folder, capture_output=True, text=True,
                                timeout=300)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        label = f"{name}: {command[0]}"
        first_lines.append(result.stderr.split("\n", 1)[0])
        if result.returncode != 3:
            failures.append(f"{label}: exit {result.returncode}, expected 3\n{result.stderr}")
        if "[PRS007]" not in result.stderr:
            failures.append(f"{label}: no PRS007 in stderr:\n{result.stderr}")
        if os.path.exists(os.path.join(folder, "out")):
            failures.append(f"{label}: an output folder was written")
        if os.path.lexists(TMP_SENTINEL):
            failures.append(f"{label}: {TMP_SENTINEL} was written")
        for path, entries in before.items():
            if listing(path) != entries:
                failures.append(f"{label}: {path} changed: {entries} -> {listing(path)}")
        if peak > max(usage_before, MAX_RSS_KIB):
            failures.append(f"{label}: peak memory {peak} KiB above {MAX_RSS_KIB} KiB")
    print(f"archive_escape: {name}: {'FAILED' if failures else 'ok'}: {first_lines[0]}",
          flush=True)
    return failures


def main():
    args = queue_bundle.command_line()
    binary = args.bin
    # work/cases/<case>: ../../x from a case folder lands in work/, which is watched.
    outside = os.path.abspath(args.work)
    work = os.path.join(outside, "cases")
    sentinel_dir = os.path.join(outside, "sentinel")
    os.makedirs(sentinel_dir)
    watched = [outside, sentinel_dir]
    failures = []
    for name, add_entries in cases(outside, sentinel_dir).items():
        failures += run_case(binary, work, name, add_entries, watched)
    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    shutil.rmtree(args.work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

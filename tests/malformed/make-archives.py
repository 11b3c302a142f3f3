#!/usr/bin/env python3
"""Generates the malformed-archive cases (PRS007): bundle archives whose entries would escape the
extraction root or are not plain files. `tar` refuses to build most of these, so they are made
with tarfile. Each case folder gets bundle.tar.gz, spec.yaml and case.txt; the output is
deterministic (fixed mtimes, gzip mtime 0), so re-running it leaves git clean.

usage: tests/malformed/make-archives.py
"""
import gzip, io, os, sys, tarfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "safety"))
import queue_bundle  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MTIME = 1735689600  # 2025-01-01T00:00:00Z

# The bundle the safety tests share (tests/safety/queue_bundle.py).
SCHEMA, MANIFEST, TEMPLATE = (text.encode() for text in (
    queue_bundle.SCHEMA, queue_bundle.MANIFEST, queue_bundle.TEMPLATE))
SPEC = queue_bundle.SPEC
ARGS = "render bundle.tar.gz --spec spec.yaml -o out"


def member(name, data=b"", kind=tarfile.REGTYPE, linkname="", mode=0o644):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.mtime = MTIME
    info.mode = mode
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.linkname = linkname
    if kind == tarfile.CHRTYPE:
        info.devmajor, info.devminor = 1, 3  # /dev/null
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    return info, (io.BytesIO(data) if kind == tarfile.REGTYPE else None)


def valid_bundle():
    return [member("schema/schema.yaml", SCHEMA), member("infrastructure/manifest.yaml", MANIFEST),
            member("infrastructure/cloudformation.yaml", TEMPLATE)]


def archive_bytes(members):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for info, data in members:
            tar.addfile(info, data)
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def write_case(name, archive, regex):
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "bundle.tar.gz"), "wb") as f:
        f.write(archive)
    with open(os.path.join(folder, "spec.yaml"), "w") as f:
        f.write(SPEC)
    with open(os.path.join(folder, "case.txt"), "w") as f:
        f.write(ARGS + "\n" + regex + "\n")


# The diagnostic is on the archive itself (no line) and names the refused entry.
PREFIX = r"^bundle\.tar\.gz[^ ]*: error: "

write_case("77-archive-absolute-path",
           archive_bytes(valid_bundle() + [member("/tmp/proton-migrate-escape.yaml", b"owned: true\n")]),
           PREFIX + r".*/tmp/proton-migrate-escape\.yaml.*\[PRS007\]")
write_case("78-archive-parent-path",
           archive_bytes(valid_bundle() + [member("../escape.yaml", b"owned: true\n")]),
           PREFIX + r".*\.\./escape\.yaml.*\[PRS007\]")
write_case("79-archive-nested-parent-path",
           archive_bytes(valid_bundle() + [member("infrastructure/../../escape.yaml", b"owned: true\n")]),
           PREFIX + r".*infrastructure/\.\./\.\./escape\.yaml.*\[PRS007\]")
# The symlink replaces the template: reading the bundle would read /etc/passwd.
write_case("80-archive-symlink",
           archive_bytes(valid_bundle()[:2] + [member("infrastructure/cloudformation.yaml", kind=tarfile.SYMTYPE,
                                                      linkname="/etc/passwd", mode=0o777)]),
           PREFIX + r".*infrastructure/cloudformation\.yaml.*\[PRS007\]")
write_case("81-archive-relative-symlink",
           archive_bytes(valid_bundle() + [member("infrastructure/outputs.yaml", kind=tarfile.SYMTYPE,
                                                  linkname="../../../secrets.yaml", mode=0o777)]),
           PREFIX + r".*infrastructure/outputs\.yaml.*\[PRS007\]")
write_case("82-archive-hardlink",
           archive_bytes(valid_bundle()[:2] + [member("infrastructure/cloudformation.yaml", kind=tarfile.LNKTYPE,
                                                      linkname="etc/passwd")]),
           PREFIX + r".*infrastructure/cloudformation\.yaml.*\[PRS007\]")
write_case("83-archive-character-device",
           archive_bytes(valid_bundle() + [member("infrastructure/null", kind=tarfile.CHRTYPE, mode=0o666)]),
           PREFIX + r".*infrastructure/null.*\[PRS007\]")
write_case("84-archive-fifo",
           archive_bytes(valid_bundle() + [member("infrastructure/pipe", kind=tarfile.FIFOTYPE)]),
           PREFIX + r".*infrastructure/pipe.*\[PRS007\]")
# Not an archive at all: the first bytes of a PNG image under a .tar.gz name.
write_case("85-archive-not-gzip",
           b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00",
           r"^bundle\.tar\.gz: error: .*\[PRS007\]")
# A valid gzip stream cut off in the middle of the tar data.
write_case("86-archive-truncated",
           archive_bytes(valid_bundle())[:60],
           r"^bundle\.tar\.gz: error: .*\[PRS007\]")

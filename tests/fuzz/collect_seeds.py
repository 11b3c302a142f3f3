#!/usr/bin/env python3
"""Collects the seed inputs of each fuzz target from the fixtures and the shared corpus.

usage: collect_seeds.py WORK_DIR SOURCE_DIR [CORPUS_DIR] [TARGET...]

Writes WORK_DIR/<target>/<n> files; nothing is committed. The convert_fuzz seeds are whole
bundles in that harness's format (convert_fuzz.cpp): a "<target> <mode>" line, then each file
after a "==> <relative path> <==" line.
"""
import hashlib
import io
import os
import sys
import tarfile
from pathlib import Path

MAX_SEED_BYTES = 256 * 1024
PART_FOLDERS = {"infrastructure", "instance_infrastructure", "pipeline_infrastructure"}
TARGETS = ["jinja_lexer_fuzz", "jinja_parser_fuzz", "jinja_render_fuzz", "cfn_yaml_fuzz",
           "yaml_subset_fuzz", "cfn_json_fuzz", "schema_fuzz", "spec_fuzz", "hcl_fuzz", "archive_fuzz",
           "convert_fuzz"]
CONVERSIONS = ["terraform parametric", "cdk parametric", "servicecatalog parametric",
               "terraform rendered", "cdk rendered"]


def files_under(roots):
    for root in roots:
        for path in sorted(Path(root).rglob("*")):
            if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_SEED_BYTES:
                yield path


def in_part_folder(path):
    return any(part in PART_FOLDERS for part in path.parts)


def is_template(path):
    return in_part_folder(path) and path.suffix in (".yaml", ".yml", ".json", ".j2")


def is_spec(path):
    return path.suffix in (".yaml", ".yml") and ("spec" in path.name or path.parent.name in
                                                  ("spec", "specs"))


def bundle_roots(roots):
    for path in files_under(roots):
        if path.name == "schema.yaml" and path.parent.name == "schema":
            yield path.parent.parent
        elif path.name == "manifest.yaml" and not in_part_folder(path):
            yield path.parent


def serialized_bundle(root, conversion):
    out = [conversion + "\n"]
    for path in files_under([root]):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(("expected/", "spec/", "specs/")):
            continue
        out.append(f"==> {relative} <==\n" + path.read_text(errors="replace"))
    spec = root / "spec" / "spec.yaml"
    if spec.is_file():
        out.append("==> @spec <==\n" + spec.read_text(errors="replace"))
    return "".join(out).encode()


def targz_of(root):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path in files_under([root]):
            info = archive.gettarinfo(str(path), path.relative_to(root).as_posix())
            info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
            with open(path, "rb") as stream:
                archive.addfile(info, stream)
    return buffer.getvalue()


def seeds(target, roots):
    paths = list(files_under(roots))
    if target.startswith("jinja_"):
        return (p.read_bytes() for p in paths if is_template(p))
    if target in ("cfn_yaml_fuzz", "yaml_subset_fuzz"):
        return (p.read_bytes() for p in paths if p.suffix in (".yaml", ".yml") and
                (is_template(p) or p.parent.name == "expected"))
    if target == "cfn_json_fuzz":
        return (p.read_bytes() for p in paths if p.suffix == ".json")
    if target == "schema_fuzz":
        return (p.read_bytes() for p in paths if p.name == "schema.yaml")
    if target == "spec_fuzz":
        return (p.read_bytes() for p in paths if is_spec(p))
    if target == "hcl_fuzz":
        return (p.read_bytes() for p in paths if p.suffix == ".tf")
    bundles = sorted(set(bundle_roots(roots)))
    if target == "archive_fuzz":
        archives = [p.read_bytes() for p in paths if p.name.endswith(".tar.gz")]
        return archives + [targz_of(b) for b in bundles[:40]]
    if target == "convert_fuzz":
        return (serialized_bundle(b, CONVERSIONS[i % len(CONVERSIONS)])
                for i, b in enumerate(bundles))
    raise SystemExit(f"collect_seeds.py: unknown target {target}")


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    work, source = Path(sys.argv[1]), Path(sys.argv[2])
    corpus = Path(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else None
    targets = sys.argv[4:] or TARGETS
    roots = [source / "fixtures"] + ([corpus] if corpus and corpus.is_dir() else [])
    for target in targets:
        folder = work / target
        folder.mkdir(parents=True, exist_ok=True)
        count = 0
        for data in seeds(target, roots):
            if data and len(data) <= MAX_SEED_BYTES:
                (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
                count += 1
        print(f"{target}: {count} seeds")


if __name__ == "__main__":
    main()

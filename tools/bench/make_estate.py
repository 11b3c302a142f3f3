#!/usr/bin/env python3
"""Builds a synthetic template estate for the benchmarks, at run time, into a scratch folder.

  make_estate.py bundles OUT -n N [--corpus DIR] [--fixtures DIR] [--scale 1,2,4]
      N Proton bundles (folders) copied from the CloudFormation bundles of the corpus and the
      fixtures, each under a name of its own; a share of them gets its Jinja template grown by
      repeating its resources (renamed), so sizes vary beyond the sources'.
  make_estate.py templates OUT --bin PROTON_MIGRATE [-n N] [--scale K] [...]
      plain CloudFormation files: every source bundle rendered with its schema's defaults
      (`proton-migrate render`), then repeated round-robin up to N files; --scale K grows each
      by repeating its resources K times (for the time-against-size curve).

Nothing it writes is meant to be committed. Output is deterministic for the same arguments.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NAME_WORDS = ["orders", "billing", "search", "ledger", "catalog", "identity", "payments",
              "reports", "inventory", "gateway", "media", "events", "notify", "profile"]
TOP_LEVEL_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9]*:")
RESOURCE_KEY = re.compile(r"^  ([A-Za-z0-9]+):\s*(#.*)?$")
JINJA_OPEN = re.compile(r"\{%-?\s*(if|for)\b")
JINJA_CLOSE = re.compile(r"\{%-?\s*end(if|for)\b")


def cloudformation_bundles(corpus, fixtures):
    """Bundle folders written in CloudFormation (+ Jinja): the corpus list, then fixtures."""
    found = []
    listing = os.path.join(corpus, "BUNDLES.tsv")
    if os.path.exists(listing):
        with open(listing) as rows:
            next(rows)
            for row in rows:
                fields = row.rstrip("\n").split("\t")
                if len(fields) > 2 and fields[2] == "CloudFormation+Jinja":
                    found.append(os.path.join(corpus, fields[0]))
    for name in sorted(os.listdir(fixtures)) if os.path.isdir(fixtures) else []:
        folder = os.path.join(fixtures, name)
        manifests = [os.path.join(dirpath, f) for dirpath, _, files in os.walk(folder)
                     for f in files if f == "manifest.yaml"]
        if os.path.isdir(os.path.join(folder, "schema")) and manifests and all(
                "CloudFormation" in open(m).read() for m in manifests):
            found.append(folder)
    return found


def resource_blocks(lines):
    """(start, end, [(logical id, line)]) of the Resources section's entries, or None when a
    Jinja block crosses an entry boundary (the template cannot be grown safely)."""
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == "Resources:") + 1
    except StopIteration:
        return None
    end = next((i for i in range(start, len(lines)) if TOP_LEVEL_KEY.match(lines[i])), len(lines))
    entries = [i for i in range(start, end) if RESOURCE_KEY.match(lines[i])]
    if not entries:
        return None
    bounds = entries + [end]
    for first, last in zip(bounds, bounds[1:]):
        text = "".join(lines[first:last])
        if len(JINJA_OPEN.findall(text)) != len(JINJA_CLOSE.findall(text)):
            return None
    if any(JINJA_OPEN.search(lines[i]) for i in range(start, entries[0])):
        return None
    return entries[0], end, [RESOURCE_KEY.match(lines[i]).group(1) for i in entries]


def grown(text, scale):
    """The template with its resources repeated `scale` times, each copy's logical IDs (and the
    references to them inside the copy) suffixed; the text itself when it cannot be grown."""
    lines = text.splitlines(keepends=True)
    blocks = resource_blocks(lines) if scale > 1 else None
    if not blocks:
        return text
    first, end, ids = blocks
    section = "".join(lines[first:end])
    if not section.endswith("\n"):
        section += "\n"
    # A reference to a resource (Ref, GetAtt, ${Name}, DependsOn), not a type name part
    # (AWS::CodePipeline::Pipeline) nor a property key that happens to share the name.
    names = "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
    reference = re.compile(r"(?<!::)\b(" + names + r")\b(?![\w-]|\s*:(?:\s|$))")
    entry = re.compile(r"^  (" + names + r"):", re.M)

    def renamed(k):
        suffix = "Copy" + str(k)
        text = reference.sub(lambda m: m.group(1) + suffix, section)
        return entry.sub(lambda m: "  " + m.group(1) + suffix + ":", text)

    copies = [renamed(k) for k in range(2, scale + 1)]
    return "".join(lines[:end]) + ("" if lines[end - 1].endswith("\n") else "\n") + \
        "".join(copies) + "".join(lines[end:])


def template_files(bundle):
    """The CloudFormation template files of a bundle (the manifests name them)."""
    files = []
    for dirpath, _, names in os.walk(bundle):
        if "manifest.yaml" in names:
            manifest = open(os.path.join(dirpath, "manifest.yaml")).read()
            for name in names:
                if name != "manifest.yaml" and name in manifest and name.endswith(
                        (".yaml", ".yml", ".json", ".j2")):
                    files.append(os.path.join(dirpath, name))
    return sorted(files)


def make_bundles(out, count, sources, scales):
    os.makedirs(out, exist_ok=True)
    for index in range(count):
        source = sources[index % len(sources)]
        scale = scales[(index // len(sources)) % len(scales)]
        leaf = os.path.basename(source)
        name = "{}-{}-{:05d}".format(NAME_WORDS[index % len(NAME_WORDS)],
                                     os.path.basename(os.path.dirname(source))
                                     if re.fullmatch(r"v[0-9]+", leaf) else leaf, index)
        target = os.path.join(out, name, leaf) if re.fullmatch(r"v[0-9]+", leaf) else \
            os.path.join(out, name)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("expected", "spec"))
        for template in template_files(target) if scale > 1 else []:
            with open(template) as f:
                text = f.read()
            with open(template, "w") as f:
                f.write(grown(text, scale))
    print("{} bundles in {}".format(count, out))


def render_inputs(bundle, scratch):
    """--spec (the bundle's own spec when it has one) and --env-outputs (a stand-in value for
    every environment output the templates read) for rendering a bundle."""
    arguments = []
    leaf = os.path.basename(bundle)
    home = os.path.dirname(bundle) if re.fullmatch(r"v[0-9]+", leaf) else bundle
    for candidate in [os.path.join(home, "spec", "spec.yaml"), os.path.join(bundle, "spec.yaml")]:
        if os.path.isfile(candidate):
            arguments += ["--spec", candidate]
            break
    text = "".join(open(f).read() for f in template_files(bundle))
    names = sorted(set(re.findall(r"environment\.outputs\.([A-Za-z0-9_]+)", text)))
    if names:
        outputs = os.path.join(scratch, "env-outputs.json")
        with open(outputs, "w") as f:
            f.write("{" + ", ".join('"{0}": "{0}-value"'.format(n) for n in names) + "}\n")
        arguments += ["--env-outputs", outputs]
    return arguments


def rendered_sources(binary, sources, scratch):
    """Each source bundle rendered (see render_inputs): the plain CloudFormation files."""
    rendered = []
    for number, source in enumerate(sources):
        target = os.path.join(scratch, str(number))
        command = [binary, "render", source, "-o", target] + render_inputs(source, scratch)
        if subprocess.run(command, capture_output=True).returncode != 0:
            continue
        for dirpath, _, names in os.walk(target):
            for name in sorted(names):
                if name.endswith((".yaml", ".yml", ".json")) and not name.startswith("."):
                    rendered.append(os.path.join(dirpath, name))
    return rendered


def make_templates(out, count, sources, binary, scale):
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        rendered = rendered_sources(binary, sources, scratch)
        if not rendered:
            sys.exit("make_estate.py: no bundle rendered")
        count = count or len(rendered)
        for index in range(count):
            source = rendered[index % len(rendered)]
            with open(source) as f:
                text = grown(f.read(), scale)
            suffix = os.path.splitext(source)[1]
            name = "{}{:05d}{}".format(NAME_WORDS[index % len(NAME_WORDS)], index, suffix)
            with open(os.path.join(out, name), "w") as f:
                f.write(text)
    print("{} templates in {}".format(count, out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=["bundles", "templates"])
    parser.add_argument("out")
    parser.add_argument("-n", type=int, default=0, help="how many (templates: 0 = one each)")
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--fixtures", default=os.path.join(ROOT, "fixtures"))
    parser.add_argument("--scale", default="1", help="bundles: growth factors taken in turn "
                        "(1,2,4); templates: one factor")
    parser.add_argument("--bin", help="proton-migrate, to render templates")
    args = parser.parse_args()
    sources = cloudformation_bundles(args.corpus, args.fixtures)
    if not sources:
        sys.exit("make_estate.py: no CloudFormation bundle found in the corpus or fixtures")
    scales = [int(s) for s in args.scale.split(",")]
    if args.kind == "bundles":
        make_bundles(args.out, args.n or len(sources), sources, scales)
    else:
        if not args.bin:
            sys.exit("make_estate.py: templates need --bin")
        make_templates(args.out, args.n, sources, args.bin, scales[0])


if __name__ == "__main__":
    main()

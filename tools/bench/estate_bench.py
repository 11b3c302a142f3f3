#!/usr/bin/env python3
"""The performance bench of issue 11 over a synthetic estate made at run time (make_estate.py):

  estate_bench.py --bin PROTON_MIGRATE --pipeline-bench PIPELINE_BENCH
                  [--bundles 100,1000,10000] [--templates 480] [--scales 1,2,4,8] [--no-peer]

1. pipeline_bench on the rendered templates: the parse floor (YAML::Load, the event API), our
   reader, `convert FILE` per target, and render + convert per target on bundles;
2. time against template size: pipeline_bench on the templates grown 1, 2, 4, 8 times;
3. `proton-migrate batch` of N bundles to all three targets at -j 1 and -j 2: wall time per
   bundle, MB/s of template text, peak RSS; the table shows whether time grows linearly in N;
4. peer_ratio.py (cdk-from-cfn), unless --no-peer.
Everything is written to a scratch folder removed at the end.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TARGETS = "terraform,cdk,servicecatalog"


def make(kind, out, count, binary, scale="1"):
    command = [sys.executable, os.path.join(HERE, "make_estate.py"), kind, out, "-n", str(count),
               "--scale", scale]
    subprocess.run(command + (["--bin", binary] if kind == "templates" else []), check=True,
                   stdout=subprocess.DEVNULL)


def template_bytes(folder):
    total = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            if name.endswith((".yaml", ".yml", ".json", ".j2")) and "schema" not in dirpath:
                total += os.path.getsize(os.path.join(dirpath, name))
    return total


def pipeline(bench, folder, bundles=()):
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    run = subprocess.run([bench, *files, "--bundles", *bundles], capture_output=True, text=True)
    return run.stdout


def batch(binary, estate, jobs, scratch, mode):
    """(wall s, CPU s, peak RSS MB) of one batch run of the estate to all three targets.

    Each run writes a folder of its own, removed with the scratch folder at the end: on ext4
    without a journal, files created within minutes of a large deletion make the kernel skip
    the freed inodes one by one, which would be timed as ours."""
    out = tempfile.mkdtemp(prefix="batch-out-", dir=scratch)
    start = time.perf_counter()
    child = subprocess.Popen([binary, "batch", estate, "--to", TARGETS, "-j", str(jobs), "-o", out,
                              "--mode", mode, "--fail-on", "never"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--pipeline-bench", required=True)
    parser.add_argument("--bundles", default="100,1000,10000")
    parser.add_argument("--templates", type=int, default=480)
    parser.add_argument("--scales", default="1,2,4,8")
    parser.add_argument("--bundle-scales", default="1",
                        help="growth factors of the batch estate's bundles (1,2,4: mixed sizes; "
                        "the N curve is linear only for a constant mix)")
    parser.add_argument("--mode", default="parametric", help="batch --mode")
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="estate-bench-") as scratch:
        templates = os.path.join(scratch, "templates")
        make("templates", templates, args.templates, args.bin)
        sample = os.path.join(scratch, "sample-bundles")
        make("bundles", sample, 0, args.bin)
        bundles = sorted(os.path.join(dp, d) for dp, ds, _ in os.walk(sample) for d in ds
                         if os.path.isdir(os.path.join(dp, d, "schema")))
        print("== pipeline (one process, one thread)")
        print(pipeline(args.pipeline_bench, templates, bundles))

        print("== time against template size (convert FILE --to cdk, per template)")
        print("  scale      bytes   ms/template   ms per 10 kB")
        for scale in args.scales.split(","):
            folder = os.path.join(scratch, "scaled-" + scale)
            make("templates", folder, 0, args.bin, scale)
            size = template_bytes(folder)
            count = len(os.listdir(folder))
            for line in pipeline(args.pipeline_bench, folder).splitlines():
                if "convert FILE --to cdk" in line:
                    total = float(line.split()[4])
                    print("  {:>5} {:>10} {:>13.3f} {:>14.3f}".format(
                        scale, size, total / count, total / (size / 1e4)))

        print("== batch --mode {} of N bundles to {} (whole process)".format(args.mode, TARGETS))
        print("      N  -j   wall s   CPU s  ms/bundle    MB/s  peak RSS MB")
        for count in [int(n) for n in args.bundles.split(",")]:
            estate = os.path.join(scratch, "estate-{}".format(count))  # kept: see batch()
            make("bundles", estate, count, args.bin, args.bundle_scales)
            size = template_bytes(estate)
            for jobs in (1, 2):
                wall, cpu, rss = batch(args.bin, estate, jobs, scratch, args.mode)
                print("  {:>5} {:>3} {:>8.2f} {:>7.2f} {:>10.3f} {:>7.2f} {:>12.1f}".format(
                    count, jobs, wall, cpu, 1e3 * wall / count, size / 1e6 / wall, rss))
        if not args.no_peer:
            print("== against cdk-from-cfn")
            sys.stdout.flush()
            subprocess.run([sys.executable, os.path.join(HERE, "peer_ratio.py"), "--bin",
                            args.bin, "--templates", templates])
    return 0


if __name__ == "__main__":
    sys.exit(main())

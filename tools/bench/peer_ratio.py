#!/usr/bin/env python3
"""proton-migrate against cdk-from-cfn (the engine of `cdk migrate`) on the same rendered
templates: converting all of them in one process (ours with one thread and with -j 2; the peer
warm in one node process, module load excluded), and one process per template for both.

  peer_ratio.py --bin PROTON_MIGRATE [--templates DIR | -n N] [--per-process K]
                [--repeat R] [--anchors DIR] [--node-path DIR]

--templates: plain CloudFormation files (default: make_estate.py renders the corpus and
fixtures into a scratch folder, N files). The peer scripts are in --anchors (default
../shared/tools/anchors next to the repository); the cdk-from-cfn package is found through
--node-path (or $NODE_PATH): `npm install` the anchors' package.json there. Each in-process
conversion runs --repeat times (default 3) and its median counts: one run on a shared machine
is noise. Prints the times and the ratios (peer time / ours; above 1 means faster than the
peer).
"""
import argparse
import glob
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(command, env=None):
    """(wall seconds, CPU seconds, peak RSS MB of this child, completed process)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        run = subprocess.CompletedProcess(command, child.returncode, out.read(), err.read())
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, run


def peer_in_process(anchors, files, env, scratch):
    listing = os.path.join(scratch, "peer-list.txt")
    with open(listing, "w") as f:
        f.write("\n".join(files) + "\n")
    wall, cpu, _, run = timed(["node", os.path.join(anchors, "cdk-from-cfn-batch.js"), "-o",
                               os.path.join(scratch, "peer-out"), "@" + listing], env)
    found = re.search(r"converted (\d+)/(\d+) templates in ([0-9.]+) ms \(module load ([0-9.]+)",
                      run.stdout)
    if run.returncode != 0 or not found:
        sys.exit("peer_ratio.py: cdk-from-cfn-batch.js failed:\n" + run.stderr[-2000:])
    return int(found.group(1)), float(found.group(3)) / 1e3, float(found.group(4)) / 1e3, wall


def ours_in_process(binary, files, jobs, scratch):
    out = os.path.join(scratch, "ours-{}".format(jobs))
    shutil.rmtree(out, ignore_errors=True)
    wall, cpu, rss, run = timed([binary, "convert", *files, "--to", "cdk", "--mode", "rendered",
                                 "-j", str(jobs), "-o", out])
    if run.returncode not in (0, 1):
        sys.exit("peer_ratio.py: proton-migrate convert failed:\n" + run.stderr[-2000:])
    return wall, cpu, rss


def per_process(command_of, files, env=None):
    """Total wall and CPU seconds of one process per file."""
    wall = cpu = 0.0
    for index, path in enumerate(files):
        w, c, _, _ = timed(command_of(index, path), env)
        wall += w
        cpu += c
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--templates")
    parser.add_argument("-n", type=int, default=480, help="templates to make (no --templates)")
    parser.add_argument("--per-process", type=int, default=20,
                        help="templates run one process each (0: skip)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each in-process conversion; the median counts")
    parser.add_argument("--anchors", default=os.path.join(ROOT, "..", "shared", "tools", "anchors"))
    parser.add_argument("--node-path", default=os.environ.get("NODE_PATH", ""))
    args = parser.parse_args()
    env = dict(os.environ, NODE_PATH=args.node_path)
    if not shutil.which("node") or not os.path.isfile(os.path.join(args.anchors,
                                                                   "cdk-from-cfn-batch.js")):
        print("peer_ratio.py: node or the anchor scripts are missing (skipped)")
        return 0
    with tempfile.TemporaryDirectory(prefix="peer-ratio-") as scratch:
        folder = args.templates
        if not folder:
            folder = os.path.join(scratch, "templates")
            subprocess.run([sys.executable, os.path.join(HERE, "make_estate.py"), "templates",
                            folder, "-n", str(args.n), "--bin", args.bin], check=True,
                           stdout=subprocess.DEVNULL)
        files = sorted(glob.glob(os.path.join(folder, "*.yaml")) +
                       glob.glob(os.path.join(folder, "*.json")))
        size = sum(os.path.getsize(f) for f in files)
        print("{} templates, {:.2f} MB".format(len(files), size / 1e6))
        peer_runs = [peer_in_process(args.anchors, files, env, scratch)
                     for _ in range(args.repeat)]
        converted, peer, load, peer_wall = sorted(peer_runs, key=lambda run: run[1])[
            len(peer_runs) // 2]
        print("cdk-from-cfn, one node process:   {:8.3f} s converting {} ({:.2f} ms each; "
              "module load {:.3f} s, process {:.3f} s)".format(peer, converted,
                                                               1e3 * peer / converted, load,
                                                               peer_wall))
        for jobs, target in ((1, 2.0), (2, 3.5)):
            runs = [ours_in_process(args.bin, files, jobs, scratch) for _ in range(args.repeat)]
            wall, cpu, rss = sorted(runs)[len(runs) // 2]
            ratio = (peer / converted) / (wall / len(files))  # per template converted
            print("proton-migrate convert -j {}:       {:8.3f} s wall, whole process ({:.2f} ms "
                  "each; CPU {:.3f} s; peak RSS {:.0f} MB)  ratio {:.2f}x (target {}x)".format(
                      jobs, wall, 1e3 * wall / len(files), cpu, rss, ratio, target))
        sample = files[:args.per_process]
        if sample:
            batch = os.path.join(args.anchors, "cdk-from-cfn.js")
            peer_wall, peer_cpu = per_process(lambda i, f: ["node", batch, f, "typescript"], sample,
                                              env)
            ours_wall, ours_cpu = per_process(
                lambda i, f: [args.bin, "convert", f, "--to", "cdk", "--mode", "rendered", "-o",
                              os.path.join(scratch, "one", str(i))], sample)
            print("one process per template ({}):   cdk-from-cfn {:.1f} ms wall ({:.1f} ms CPU), "
                  "proton-migrate {:.1f} ms wall ({:.1f} ms CPU) each  ratio {:.1f}x wall, {:.1f}x "
                  "CPU (target 30x)".format(
                      len(sample), 1e3 * peer_wall / len(sample), 1e3 * peer_cpu / len(sample),
                      1e3 * ours_wall / len(sample), 1e3 * ours_cpu / len(sample),
                      peer_wall / ours_wall, peer_cpu / ours_cpu))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""tasksplit benchmark: builds a >=100 MB corpus from the samples and reports, in one run,
parse throughput beside the ICU floor, peak memory, single-file latency beside cat, the
--jobs speed-up, one 100 MB notice's peak memory, diff of two 1,000-item documents and a
query over 1,000 notices.  Usage: bench/run.py [--build build] [--mb 100]
Not a test: it prints figures for the README and the performance issue."""
import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def vary(text, rng):
    """Light variation so repeated samples are not byte-identical: shift numbers by one."""
    return re.sub(r"(?<=[^0-9.])([1-9][0-9]?)(?=\s*(?:个|家|亿元|%|公里|座))",
                  lambda m: str(int(m.group(1)) + rng.randint(0, 3)), text)


def make_corpus(dst, megabytes):
    rng = random.Random(7)
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    dst.mkdir(parents=True, exist_ok=True)
    total, n = 0, 0
    while total < megabytes * 1_000_000:
        text = vary(samples[n % len(samples)], rng)
        (dst / f"notice-{n:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        n += 1
    return total, n


def timed(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (seconds, peak RSS in MB of this child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=stdout)
    secs = time.perf_counter() - t
    # ru_maxrss of children is the max over all children so far: run the big ones first.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return secs, max(peak, before) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--work", default="/tmp/tasksplit-bench")
    args = ap.parse_args()
    build = Path(args.build)
    bin_ = build / "tasksplit"
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    corpus = work / "corpus"
    total, files = make_corpus(corpus, args.mb)
    mb = total / 1e6
    print(f"corpus: {files} notices, {mb:.1f} MB")

    # One 100 MB notice, first, so its peak RSS is measured alone.
    big = work / "big.txt"
    with big.open("w", encoding="utf-8") as out:
        for p in sorted(corpus.iterdir())[: max(1, files)]:
            out.write(p.read_text(encoding="utf-8"))
    big_mb = big.stat().st_size / 1e6
    secs, peak = timed([str(bin_), "parse", str(big)])
    print(f"one {big_mb:.0f} MB notice: {secs:.2f} s, peak RSS {peak:.0f} MB = {peak / big_mb:.1f}x input")

    floor_out = subprocess.run([str(build / "bench" / "icu_floor"), str(corpus)], check=True,
                               capture_output=True, text=True).stdout
    floor = float(re.search(r"mb_per_s=([0-9.]+)", floor_out).group(1))
    s1, _ = timed([str(bin_), "parse", "--jobs", "1", str(corpus)])
    s2, _ = timed([str(bin_), "parse", "--jobs", "2", str(corpus)])
    tp = mb / s1
    print(f"floor (ICU decode + NFKC + lines): {floor:.1f} MB/s")
    print(f"parse --jobs 1: {tp:.1f} MB/s ({tp / floor:.2f}x floor); --jobs 2: {mb / s2:.1f} MB/s "
          f"({s1 / s2:.2f}x --jobs 1)")

    sample = ROOT / "samples" / "000_5f0d85f750916d58.txt"
    lat = [timed([str(bin_), "parse", str(sample)])[0] for _ in range(15)]
    cat = [timed(["cat", str(sample)])[0] for _ in range(15)]
    print(f"single file: parse {statistics.median(lat) * 1000:.1f} ms, cat {statistics.median(cat) * 1000:.1f} ms "
          f"({statistics.median(lat) / statistics.median(cat):.1f}x)")

    diff_bench = build / "bench" / "diff_bench"
    if diff_bench.exists():
        out = subprocess.run([str(diff_bench)], check=True, capture_output=True, text=True).stdout.strip()
        print(f"diff of two 1,000-item documents: {out}")
    thousand = work / "thousand"
    thousand.mkdir()
    for p in sorted(corpus.iterdir())[:1000]:
        os.link(p, thousand / p.name)
    secs, _ = timed([str(bin_), "query", "--unit", "区发改局", str(thousand)])
    print(f"query over 1,000 notices: {secs:.2f} s")


if __name__ == "__main__":
    sys.exit(main())

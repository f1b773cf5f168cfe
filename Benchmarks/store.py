#!/usr/bin/env python3
"""Issue 2's store benchmark: Lodestar against Oxigraph on the same generated N-Triples, in one run.

Prints load time, size on disk, resident memory after open, reopen time, and the median of 1000 subject-only and
1000 object-only lookups (Lodestar through its Store API, Oxigraph through the equivalent SPARQL via pyoxigraph).
Usage (from the package root): python3 Benchmarks/store.py [--triples N] [--work DIR]
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import datagen  # noqa: E402
from harness import release_build  # noqa: E402

OXIGRAPH_PROBE = r"""
import json, statistics, sys, time
import pyoxigraph
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) * 1024
baseline = rss()
start = time.perf_counter()
store = pyoxigraph.Store(sys.argv[1])
next(iter(store.quads_for_pattern(None, None, None)), None)
opened = time.perf_counter() - start
memory = rss() - baseline
def lookups(path, query):
    times, rows = [], 0
    for line in open(path, encoding='utf-8'):
        q = query.replace('TERM', line.strip())
        t = time.perf_counter()
        for solution in store.query(q):
            _ = solution[0]
            rows += 1
        times.append((time.perf_counter() - t) * 1e6)
    return statistics.median(times), rows
s = lookups(sys.argv[2], 'SELECT ?p ?o WHERE { TERM ?p ?o }')
o = lookups(sys.argv[3], 'SELECT ?s ?p WHERE { ?s ?p TERM }')
print(json.dumps({'open_seconds': opened, 'rss_bytes': memory, 'subject_median_us': s[0], 'subject_rows': s[1],
                  'object_median_us': o[0], 'object_rows': o[1]}))
"""


def disk_bytes(path):
    return sum(os.path.getsize(os.path.join(root, f)) for root, _, files in os.walk(path) for f in files)


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def sample_terms(path, count, seed=7):
    rng = random.Random(seed)
    subjects, objects = [], []
    with open(path, encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            subject, rest = line.split(" ", 1)
            obj = rest.split(" ", 1)[1].rsplit(" .", 1)[0]
            for bucket, term in ((subjects, subject), (objects, obj)):
                if len(bucket) < count:
                    bucket.append(term)
                elif rng.random() < count / (n + 1):
                    bucket[rng.randrange(count)] = term
    return subjects, objects


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--work", default=None)
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="lodestar-bench-")
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "data.nt")
    if not os.path.exists(data):
        datagen.generate(data, args.triples)
    subjects, objects = sample_terms(data, 1000)
    for name, terms in (("subjects.txt", subjects), ("objects.txt", objects)):
        with open(os.path.join(work, name), "w", encoding="utf-8") as out:
            out.write("\n".join(terms) + "\n")

    binaries = release_build("/tmp/build-storebench")
    lodestar_dir, oxigraph_dir = os.path.join(work, "lodestar"), os.path.join(work, "oxigraph")
    for d in (lodestar_dir, oxigraph_dir):
        shutil.rmtree(d, ignore_errors=True)

    results = {"lodestar": {}, "oxigraph": {}}
    results["lodestar"]["load_seconds"] = timed([os.path.join(binaries, "lodestar"), "load", "--store", lodestar_dir, data])
    results["oxigraph"]["load_seconds"] = timed(["oxigraph", "load", "--location", oxigraph_dir, "--file", data])
    results["lodestar"]["disk_bytes"] = disk_bytes(lodestar_dir)
    results["oxigraph"]["disk_bytes"] = disk_bytes(oxigraph_dir)
    probe = subprocess.run([os.path.join(binaries, "store-benchmark"), lodestar_dir, os.path.join(work, "subjects.txt"),
                            os.path.join(work, "objects.txt")], check=True, capture_output=True, text=True)
    results["lodestar"].update(json.loads(probe.stdout))
    probe = subprocess.run([sys.executable, "-c", OXIGRAPH_PROBE, oxigraph_dir, os.path.join(work, "subjects.txt"),
                            os.path.join(work, "objects.txt")], check=True, capture_output=True, text=True)
    results["oxigraph"].update(json.loads(probe.stdout))

    rows = [("load (s)", "load_seconds"), ("size on disk (MB)", "disk_bytes"), ("resident memory after open (MB)", "rss_bytes"),
            ("reopen to ready (s)", "open_seconds"), ("subject lookup median (µs)", "subject_median_us"),
            ("object lookup median (µs)", "object_median_us")]
    print(f"{args.triples} triples ({data})")
    print(f"{'measure':34} {'Lodestar':>12} {'Oxigraph':>12} {'ratio':>8}")
    for label, key in rows:
        a, b = results["lodestar"][key], results["oxigraph"][key]
        if key.endswith("bytes"):
            a, b = a / 1e6, b / 1e6
        print(f"{label:34} {a:12.3f} {b:12.3f} {a / b if b else float('inf'):8.2f}")
    print(f"{'bytes resident per triple':34} {results['lodestar']['rss_bytes'] / args.triples:12.1f}"
          f" {results['oxigraph']['rss_bytes'] / args.triples:12.1f}")
    print(f"rows read: Lodestar subjects {results['lodestar']['subject_rows']} objects {results['lodestar']['object_rows']};"
          f" Oxigraph subjects {results['oxigraph']['subject_rows']} objects {results['oxigraph']['object_rows']}")
    print("(Oxigraph's memory is the growth of its Python process after opening the store.)")


if __name__ == "__main__":
    main()

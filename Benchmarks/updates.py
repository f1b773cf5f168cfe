#!/usr/bin/env python3
"""Issue 4's update benchmark: Lodestar against Oxigraph on the same 1M-triple store, in one run.

Scenarios, in order: 10 000 single-triple INSERT DATA requests; one INSERT DATA of 100 000 triples; a DELETE/INSERT
WHERE rewriting a predicate on those 100 000; a DELETE WHERE removing them. Lodestar runs them through its Store API
(each request parsed, executed, journalled with fsync, written to Redland); Oxigraph through pyoxigraph on disk.
Usage (from the package root): python3 Benchmarks/updates.py [--triples N] [--work DIR]
Builds release into $LODESTAR_BENCH_BUILD (default /tmp/build-updbench).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import datagen  # noqa: E402
from harness import release_build  # noqa: E402

OXIGRAPH = r"""
import json, sys, time
import pyoxigraph
store = pyoxigraph.Store(sys.argv[1])
def timed(body):
    start = time.perf_counter(); body(); return time.perf_counter() - start
def singles():
    for i in range(10000):
        store.update(f'INSERT DATA {{ <http://example.org/bench/s{i}> <http://example.org/bench/p> "v{i}" }}')
bulk = "INSERT DATA {\n" + "".join(f'<http://example.org/bulk/s{i}> <http://example.org/bulk/p> "v{i}" .\n' for i in range(100000)) + "}"
result = {
    "single_inserts_10k": timed(singles),
    "insert_data_100k": timed(lambda: store.update(bulk)),
    "delete_insert_where_100k": timed(lambda: store.update(
        "DELETE { ?s <http://example.org/bulk/p> ?o } INSERT { ?s <http://example.org/bulk/q> ?o } WHERE { ?s <http://example.org/bulk/p> ?o }")),
    "delete_where_100k": timed(lambda: store.update("DELETE WHERE { ?s <http://example.org/bulk/q> ?o }")),
}
store.flush()
result["final_count"] = len(store)
print(json.dumps(result))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--work", default=None)
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="lodestar-updates-")
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "data.nt")
    if not os.path.exists(data):
        datagen.generate(data, args.triples)
    binaries = release_build("/tmp/build-updbench")
    lodestar, benchmark = os.path.join(binaries, "lodestar"), os.path.join(binaries, "update-benchmark")
    lodestar_dir, oxigraph_dir = os.path.join(work, "lodestar-updates"), os.path.join(work, "oxigraph-updates")
    for d in (lodestar_dir, oxigraph_dir):
        shutil.rmtree(d, ignore_errors=True)
    subprocess.run([lodestar, "load", "--store", lodestar_dir, data], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["oxigraph", "load", "--location", oxigraph_dir, "--file", data], check=True, capture_output=True)

    lodestar = json.loads(subprocess.run([benchmark, lodestar_dir], check=True,
                                         capture_output=True, text=True).stdout)
    oxigraph = json.loads(subprocess.run([sys.executable, "-c", OXIGRAPH, oxigraph_dir], check=True,
                                         capture_output=True, text=True).stdout)
    print(f"{args.triples} triples loaded first ({data})")
    print(f"{'scenario':34} {'Lodestar s':>11} {'Oxigraph s':>11} {'ratio':>7}")
    for key, label in (("single_inserts_10k", "10 000 single INSERT DATA"), ("insert_data_100k", "INSERT DATA of 100 000"),
                       ("delete_insert_where_100k", "DELETE/INSERT WHERE on 100 000"),
                       ("delete_where_100k", "DELETE WHERE removing 100 000")):
        a, b = lodestar[key], oxigraph[key]
        print(f"{label:34} {a:11.3f} {b:11.3f} {a / b:7.2f}")
    print(f"final quad count: Lodestar {lodestar['final_count']}, Oxigraph {oxigraph['final_count']}")


if __name__ == "__main__":
    main()

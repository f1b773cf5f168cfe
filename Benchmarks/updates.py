#!/usr/bin/env python3
"""Issues 4 and 10's update benchmark: Lodestar against Oxigraph on the same generated store, in one run.

Store API scenarios, in order: 10 000 single-triple INSERT DATA requests; one INSERT DATA of 100 000 triples; a
DELETE/INSERT WHERE rewriting a predicate on those 100 000; a DELETE WHERE removing them. Lodestar runs them through
its Store API (each request parsed, executed and committed to the write-ahead log), once per `--sync` mode; Oxigraph
through pyoxigraph on disk (it never syncs a commit). Then the HTTP mode: 16 concurrent clients (wrk) sending
single-triple INSERT DATA for 20 s to `lodestar serve` and to `oxigraph serve`. The floor: 10 000 bare fdatasync calls
on the same disk.
Usage (from the package root): python3 Benchmarks/updates.py [--triples N] [--work DIR] [--seconds S] [--clients C]
    [--port P] [--binaries DIR] [--sync os|commit]...
Needs `pip install oxigraph pyoxigraph` and wrk. Builds release into $LODESTAR_BENCH_BUILD (default /tmp/build-updbench).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import datagen  # noqa: E402
from harness import release_build, require, wait_for  # noqa: E402

WRK_SCRIPT = r"""
-- Every request inserts a triple no other request (of this run, of another wrk thread, or of an earlier run) inserted:
-- a repeated one changes nothing and costs a store far less than a write.
counter = 0
threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
init = function(args)
  run = os.time()
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/sparql-update"
request = function()
  counter = counter + 1
  local body = string.format('INSERT DATA { <http://example.org/http/%d/%d/%d> <http://example.org/p> "v" }', run, tid, counter)
  return wrk.format(nil, nil, nil, body)
end
"""


def fdatasync_floor(directory, count=10_000):
    """Seconds for `count` appends of one 100-byte record, each followed by fdatasync: the physical floor of a commit."""
    path = os.path.join(directory, "fdatasync-floor")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        start = time.perf_counter()
        for _ in range(count):
            os.write(fd, b"x" * 100)
            os.fdatasync(fd)
        return time.perf_counter() - start
    finally:
        os.close(fd)
        os.unlink(path)


def http_writes(command, url, headers, seconds, clients, work):
    """Requests/s of single-triple INSERT DATA from `clients` wrk connections against the server `command` starts."""
    script = os.path.join(work, "insert.lua")
    with open(script, "w") as f:
        f.write(WRK_SCRIPT)
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(url.rsplit("/", 1)[0] + "/", seconds=120)
        args = ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "-s", script]
        for header in headers:
            args += ["-H", header]
        out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
        if "Non-2xx" in out:
            raise SystemExit(f"{command[0]}: error responses\n{out}")
        return float(out.split("Requests/sec:")[1].split()[0])
    finally:
        server.terminate()
        server.wait()

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
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--port", type=int, default=7878, help="Lodestar's HTTP port; Oxigraph gets the next one")
    parser.add_argument("--binaries", default=None, help="a folder holding release `lodestar` and `update-benchmark` (no build)")
    parser.add_argument("--sync", choices=("os", "commit"), action="append", help="the modes to run (default both)")
    args = parser.parse_args()
    require("oxigraph", "wrk")
    work = args.work or tempfile.mkdtemp(prefix="lodestar-updates-")
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "data.nt")
    if not os.path.exists(data):
        datagen.generate(data, args.triples)
    binaries = args.binaries or release_build("/tmp/build-updbench")
    lodestar, benchmark = os.path.join(binaries, "lodestar"), os.path.join(binaries, "update-benchmark")
    floor = fdatasync_floor(work)

    def fresh_load(sync):
        """A store holding the data, and the seconds `lodestar load` and `oxigraph load` took."""
        lodestar_dir, oxigraph_dir = os.path.join(work, f"lodestar-{sync}"), os.path.join(work, "oxigraph")
        for d in (lodestar_dir, oxigraph_dir):
            shutil.rmtree(d, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([lodestar, "load", "--sync", sync, "--store", lodestar_dir, data], check=True, stdout=subprocess.DEVNULL)
        lodestar_load = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(["oxigraph", "load", "--location", oxigraph_dir, "--file", data], check=True, capture_output=True)
        return lodestar_dir, oxigraph_dir, lodestar_load, time.perf_counter() - start

    print(f"{args.triples} triples loaded first ({data}); 10 000 bare fdatasync calls: {floor:.3f} s")
    for sync in args.sync or ("os", "commit"):
        lodestar_dir, oxigraph_dir, lodestar_load, oxigraph_load = fresh_load(sync)
        ours = json.loads(subprocess.run([benchmark, lodestar_dir, sync], check=True, capture_output=True, text=True).stdout)
        theirs = json.loads(subprocess.run([sys.executable, "-c", OXIGRAPH, oxigraph_dir], check=True,
                                           capture_output=True, text=True).stdout)
        print(f"\n--sync {sync}")
        print(f"{'scenario':34} {'Lodestar s':>11} {'Oxigraph s':>11} {'ratio':>7}")
        print(f"{'load':34} {lodestar_load:11.3f} {oxigraph_load:11.3f} {lodestar_load / oxigraph_load:7.2f}")
        for key, label in (("single_inserts_10k", "10 000 single INSERT DATA"), ("insert_data_100k", "INSERT DATA of 100 000"),
                           ("delete_insert_where_100k", "DELETE/INSERT WHERE on 100 000"),
                           ("delete_where_100k", "DELETE WHERE removing 100 000")):
            a, b = ours[key], theirs[key]
            print(f"{label:34} {a:11.3f} {b:11.3f} {a / b:7.2f}")
        print(f"10 000 single INSERT DATA / 10 000 fdatasync: {ours['single_inserts_10k'] / floor:.2f}")
        print(f"final quad count: Lodestar {ours['final_count']}, Oxigraph {theirs['final_count']}")
        ours_rps = http_writes(
            [lodestar, "serve", "--store", lodestar_dir, "--port", str(args.port), "--update-token", "bench", "--sync", sync],
            f"http://127.0.0.1:{args.port}/update", ["Authorization: Bearer bench"], args.seconds, args.clients, work)
        theirs_rps = http_writes(
            ["oxigraph", "serve", "--location", oxigraph_dir, "--bind", f"127.0.0.1:{args.port + 1}"],
            f"http://127.0.0.1:{args.port + 1}/update", [], args.seconds, args.clients, work)
        print(f"HTTP, {args.clients} clients, single INSERT DATA for {args.seconds} s: Lodestar {ours_rps:.0f}/s, "
              f"Oxigraph {theirs_rps:.0f}/s, ratio {ours_rps / theirs_rps:.2f}")


if __name__ == "__main__":
    main()

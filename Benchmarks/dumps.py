#!/usr/bin/env python3
"""Issue 7's dump benchmark: one graph of generated triples pulled whole from Lodestar's /dumps and from
`oxigraph serve`'s Graph Store (`GET /store?graph=…`), in one run.

Both servers hold datagen.py's triples in the named graph <http://example.org/bench>. For each syntax, each server is
asked for the graph three times over loopback by this script (urllib, one connection): the first Lodestar pull writes
the dump file (cold: both compressions of that syntax, in one pass), the others read it from disk (warm); Oxigraph serialises on every pull. Reported per pull: time
to first byte, total time, throughput in triples per second (the graph's triples over the total time, so a gzip file
counts the triples it holds, not its bytes), bytes, and the server's peak resident memory during the pull (VmHWM,
reset through /proc/PID/clear_refs before each pull). Lodestar's N-Triples gzip and Turtle are compared with
Oxigraph's N-Triples and Turtle. The issue's target: ≥ 1.5× Oxigraph's throughput with flat memory.

Usage (from the package root): python3 Benchmarks/dumps.py [--triples 1000000] [--work DIR]
Builds release into $LODESTAR_BENCH_BUILD (default /tmp/build-dumpbench); needs `oxigraph` on PATH.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import datagen  # noqa: E402
from harness import release_build, require, wait_for  # noqa: E402

GRAPH = "http://example.org/bench"


def graph_slug(iri):
    """The dump name Lodestar gives a graph (Sources/Server/Dumps/GraphSlug.swift): host and path, then FNV-1a."""
    text = iri.split("://", 1)[1] if "://" in iri else iri
    readable, pending = "", False
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            if pending and readable:
                readable += "-"
            pending = False
            readable += ch
            if len(readable) >= 48:
                break
        else:
            pending = True
    value = 0xcbf29ce484222325
    for byte in iri.encode():
        value = ((value ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return (readable or "graph") + "-" + format(value & 0xFFFFFFFF, "08x")


def status_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak(pid):
    # Writing 5 resets the process's peak resident set size (proc(5), /proc/pid/clear_refs).
    with open(f"/proc/{pid}/clear_refs", "w") as refs:
        refs.write("5")


def pull(url, accept, pid):
    """Seconds to first byte, total seconds, bytes, resident MiB before the pull, peak resident MiB during it."""
    reset_peak(pid)
    before = status_kib(pid, "VmRSS") / 1024
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        first = response.read(1)
        ttfb = time.perf_counter() - start
        size = len(first)
        while True:
            chunk = response.read(1 << 20)
            if not chunk:
                break
            size += len(chunk)
    total = time.perf_counter() - start
    return ttfb, total, size, before, status_kib(pid, "VmHWM") / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "lodestar-dumpbench"))
    args = parser.parse_args()
    require("oxigraph")
    lodestar = os.path.join(release_build("/tmp/build-dumpbench", product="lodestar"), "lodestar")

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    data = os.path.join(args.work, "data.nt")
    datagen.generate(data, args.triples)
    lodestar_store, oxigraph_store = os.path.join(args.work, "lodestar"), os.path.join(args.work, "oxigraph")
    subprocess.run([lodestar, "load", "--store", lodestar_store, "--graph", GRAPH, data], check=True, capture_output=True)
    subprocess.run(["oxigraph", "load", "--location", oxigraph_store, "--file", data, "--graph", GRAPH], check=True, capture_output=True)

    lodestar_port, oxigraph_port = 28741, 28742
    store_url = f"http://127.0.0.1:{oxigraph_port}/store?graph=" + urllib.parse.quote(GRAPH, safe="")
    servers = {
        "lodestar": [lodestar, "serve", "--store", lodestar_store, "--port", str(lodestar_port)],
        "oxigraph": ["oxigraph", "serve", "--location", oxigraph_store, "--bind", f"127.0.0.1:{oxigraph_port}"],
    }
    rows = []
    for engine, command in servers.items():
        log = open(os.path.join(args.work, engine + ".log"), "w")
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "LOG_LEVEL": "warning"})
        try:
            if engine == "lodestar":
                base = f"http://127.0.0.1:{lodestar_port}"
                wait_for(base + "/health", seconds=120)
                slug = graph_slug(GRAPH)
                pulls = [("nt.gz", base + f"/dumps/{slug}.nt.gz", None), ("turtle", base + f"/dumps/{slug}.ttl", None)]
            else:
                wait_for(f"http://127.0.0.1:{oxigraph_port}/query?query=ASK%7B%7D", seconds=120)
                pulls = [("nt", store_url, "application/n-triples"), ("turtle", store_url, "text/turtle")]
            if process.poll() is not None:
                raise SystemExit(f"{engine} exited with {process.returncode}; see {args.work}/{engine}.log")
            for syntax, url, accept in pulls:
                for attempt in range(3):
                    ttfb, total, size, before, peak = pull(url, accept, process.pid)
                    rows.append((engine, syntax, attempt, ttfb, total, size, before, peak))
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
            log.close()

    print(f"\n{args.triples} triples in one graph")
    print(f"{'engine':<9} {'syntax':<7} {'pull':<5} {'TTFB s':>8} {'total s':>8} {'triples/s':>11} {'MB':>8} {'RSS before':>11} {'peak RSS':>9}")
    for engine, syntax, attempt, ttfb, total, size, before, peak in rows:
        label = ("cold" if attempt == 0 else "warm") if engine == "lodestar" else str(attempt + 1)
        print(f"{engine:<9} {syntax:<7} {label:<5} {ttfb:>8.3f} {total:>8.3f} {args.triples / total:>11.0f} {size / 1e6:>8.1f} "
              f"{before:>10.0f}M {peak:>8.0f}M")

    def best(engine, syntax):
        return min(r[4] for r in rows if r[0] == engine and r[1] == syntax)
    def cold(engine, syntax):
        return next(r[4] for r in rows if r[0] == engine and r[1] == syntax and r[2] == 0)
    print(f"\ncold pulls (Lodestar writes the dump first): N-Triples gz {cold('oxigraph', 'nt') / cold('lodestar', 'nt.gz'):.2f}x "
          f"Oxigraph's N-Triples throughput; Turtle {cold('oxigraph', 'turtle') / cold('lodestar', 'turtle'):.2f}x")
    print(f"throughput, best pull: N-Triples gz {best('oxigraph', 'nt') / best('lodestar', 'nt.gz'):.2f}x Oxigraph's N-Triples; "
          f"Turtle {best('oxigraph', 'turtle') / best('lodestar', 'turtle'):.2f}x Oxigraph's Turtle")


if __name__ == "__main__":
    main()

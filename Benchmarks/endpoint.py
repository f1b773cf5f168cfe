#!/usr/bin/env python3
"""Issue 5's HTTP benchmark: `wrk` against Lodestar's /sparql and `oxigraph serve`, on the same data, in one run.

Both servers hold the real EIRA SKOS edition in the named graph <http://data.europa.eu/dr8/> and run with the union
default graph. Each query is sent as GET /sparql?query=… with `Accept: application/sparql-results+json`, by `wrk`
(2 threads, 16 connections, --duration seconds) against one server at a time, on loopback only. Both servers run for the
whole script and take turns query by query (Lodestar, then Oxigraph, on the same query), so that a busy machine weighs on
both alike; `--rounds N` repeats the whole set N times. The table gives requests per second, median and 99th-percentile
latency per engine and round, and Lodestar's throughput over Oxigraph's; with several rounds, the spread of that ratio.
Targets: lookup and ASK ≥ 1.0× Oxigraph's throughput, the 1000-row SELECT ≥ 1.5×, each at an equal or lower p99.

Usage (from the package root):
  python3 Benchmarks/endpoint.py [--duration 10] [--connections 16] [--rounds 1] [--work DIR] [--port 18731] [--lodestar PATH]
Builds release into $LODESTAR_BENCH_BUILD (default /tmp/build-httpbench) unless `--lodestar` names a binary; needs `wrk`
and `oxigraph` on PATH (apt-get install wrk; pip install oxigraph).
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import release_build, require, run_wrk, shared_dir, wait_for  # noqa: E402

GRAPH = "http://data.europa.eu/dr8/"
QUERIES = {
    "lookup": "SELECT ?p ?o WHERE { <http://data.europa.eu/dr8/PublicPolicy> ?p ?o }",
    "select-1000": "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 1000",
    "ask": "ASK { ?s a <http://www.w3.org/2004/02/skos/core#Collection> }",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=1, help="times the whole set of queries is run on both servers")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "lodestar-httpbench"))
    parser.add_argument("--port", type=int, default=18731, help="Lodestar's port; Oxigraph gets the next one")
    parser.add_argument("--lodestar", help="a lodestar binary to measure instead of building one")
    args = parser.parse_args()
    require("wrk", "oxigraph")
    eira = os.path.join(shared_dir(), "data", "eira-skos", "EIRA_SKOS.rdf")
    lodestar = args.lodestar or os.path.join(release_build("/tmp/build-httpbench", product="lodestar"), "lodestar")

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    lodestar_store, oxigraph_store = os.path.join(args.work, "lodestar"), os.path.join(args.work, "oxigraph")
    subprocess.run([lodestar, "load", "--store", lodestar_store, "--graph", GRAPH, eira], check=True, capture_output=True)
    subprocess.run(["oxigraph", "load", "--location", oxigraph_store, "--file", eira, "--graph", GRAPH], check=True,
                   capture_output=True)

    servers = {
        "lodestar": ([lodestar, "serve", "--store", lodestar_store, "--port", str(args.port), "--union-default-graph"],
                     f"http://127.0.0.1:{args.port}/sparql"),
        "oxigraph": (["oxigraph", "serve", "--location", oxigraph_store, "--bind", f"127.0.0.1:{args.port + 1}", "--union-default-graph"],
                     f"http://127.0.0.1:{args.port + 1}/query"),
    }
    results = {}
    processes = []
    try:
        for engine, (command, endpoint) in servers.items():
            log = open(os.path.join(args.work, engine + ".log"), "w")
            processes.append((subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                               env={**os.environ, "LOG_LEVEL": "warning"}), log))
            wait_for(endpoint + "?query=" + urllib.parse.quote("ASK {}"))
        for round_number in range(args.rounds):
            for name, query in QUERIES.items():
                for engine, (_, endpoint) in servers.items():
                    url = endpoint + "?query=" + urllib.parse.quote(query)
                    run_wrk(url, 2, args.connections)  # warm-up
                    results[(round_number, engine, name)] = run_wrk(url, args.duration, args.connections)
    finally:
        for process, log in processes:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
            log.close()

    print(f"\n{'query':<12} {'round':>5} {'engine':<9} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}   lodestar/oxigraph")
    for name in QUERIES:
        ratios = []
        for round_number in range(args.rounds):
            for engine in servers:
                rps, p50, p99 = results[(round_number, engine, name)]
                ratio = ""
                if engine == "oxigraph":
                    ours = results[(round_number, "lodestar", name)]
                    ratios.append(ours[0] / rps)
                    ratio = f"{ours[0] / rps:.2f}x throughput, p99 {ours[2]:.2f} vs {p99:.2f} ms"
                print(f"{name:<12} {round_number + 1:>5} {engine:<9} {rps:>10.0f} {p50:>8.2f} {p99:>8.2f}   {ratio}")
        if args.rounds > 1:
            print(f"{name:<12} ratio over {args.rounds} rounds: min {min(ratios):.2f}x, median {statistics.median(ratios):.2f}x, "
                  f"max {max(ratios):.2f}x")


if __name__ == "__main__":
    main()

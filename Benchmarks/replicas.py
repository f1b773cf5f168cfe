#!/usr/bin/env python3
"""Issue 14's benchmark: PURI requests/s through Varnish with 1 and 2 replicas, against one server alone; and the
replication lag (p50/p99) under a steady write load.

It starts `make cluster`'s topology with deploy/cluster/start.sh (LODESTAR_BIN = a release build; the EIRA editions
from $LODESTAR_SHARED), plus a second varnishd on :18401 whose VCL names only the first replica. `wrk` (2 threads,
--connections, --duration seconds) requests GET /doc/dr8/PublicPolicy.ttl from: the primary alone; Varnish over one
replica; Varnish over two (the cluster's cache). Lag: --writes INSERT DATA requests at --rate per second on the primary;
after each, the time until every replica answers `/health?min-version=N` (N = the write's X-Lodestar-Version), which
the replica answers as soon as it has applied N (it waits on its commit notifications, not by polling).

Without replication on this build (`lodestar serve` lacks --replica-of), or with --no-replication, the cluster runs
CLUSTER_REPLICATION=off: the rows are the server alone and Varnish in front of it, and no lag is measured.

Usage (from the package root): python3 Benchmarks/replicas.py [--duration 10] [--connections 16] [--writes 200] [--rate 20]
[--no-replication]; LODESTAR_BIN=path skips the release build.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import release_build, require, run_wrk, wait_for  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CLUSTER = os.path.join(ROOT, "var", "cluster")
PURI_PATH = "/doc/dr8/PublicPolicy.ttl"
ONE_REPLICA_CACHE = "127.0.0.1:18401"


def read_env(path):
    values = {}
    for line in open(path):
        key, _, value = line.strip().partition("=")
        values[key] = value.strip('"')
    return values


def request(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    with urllib.request.urlopen(req, timeout=30) as response:
        response.read()
        return response.status, response.headers


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure_lag(env, writes, rate):
    replicas = env["REPLICA_URLS"].split()
    lags = []
    for i in range(writes):
        started = time.monotonic()
        update = f"INSERT DATA {{ GRAPH <urn:bench:lag> {{ <urn:bench:s{i}> <urn:bench:p> {i} }} }}".encode()
        _, headers = request(env["PRIMARY_URL"] + "/update", data=update, method="POST", headers={
            "Authorization": "Bearer " + env["UPDATE_TOKEN"], "Content-Type": "application/sparql-update"})
        version = headers["X-Lodestar-Version"]
        acknowledged = time.monotonic()
        for replica in replicas:
            status, _ = request(f"{replica}/health?min-version={version}")
            if status != 200:
                raise SystemExit(f"{replica} did not reach version {version}")
        lags.append((time.monotonic() - acknowledged) * 1000)
        time.sleep(max(0.0, 1 / rate - (time.monotonic() - started)))
    return lags


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--no-replication", action="store_true")
    args = parser.parse_args()
    require("wrk", "varnishd", "curl")
    # LODESTAR_BIN names a binary already built (else a release build into $LODESTAR_BENCH_BUILD).
    binary = os.environ.get("LODESTAR_BIN") or os.path.join(release_build("/tmp/build-replicabench", product="lodestar"), "lodestar")
    help_text = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True).stdout
    replication = not args.no_replication and "--replica-of" in help_text
    environment = dict(os.environ, LODESTAR_BIN=binary, CLUSTER_REPLICATION="on" if replication else "off")
    subprocess.run([os.path.join(ROOT, "deploy/cluster/stop.sh")], check=False, stderr=subprocess.DEVNULL)
    subprocess.run([os.path.join(ROOT, "deploy/cluster/start.sh")], check=True, env=environment)
    one_cache_dir = os.path.join(CLUSTER, "varnish-one")
    try:
        env = read_env(os.path.join(CLUSTER, "urls.env"))
        replicas = env["REPLICA_URLS"].split()
        first = replicas[0].removeprefix("http://")
        vcl = subprocess.run([os.path.join(ROOT, "deploy/varnish/render-vcl.sh"), env["PRIMARY_URL"].removeprefix("http://"), first],
                             capture_output=True, text=True, check=True).stdout
        with open(os.path.join(CLUSTER, "one-replica.vcl"), "w") as out:
            out.write(vcl)
        subprocess.run(["varnishd", "-a", ONE_REPLICA_CACHE, "-n", one_cache_dir, "-f", os.path.join(CLUSTER, "one-replica.vcl"),
                        "-s", "malloc,64m", "-T", "none", "-P", os.path.join(CLUSTER, "varnish-one.pid")], check=True)
        wait_for(f"http://{ONE_REPLICA_CACHE}/health")

        rows = [("one server alone (primary)", env["PRIMARY_URL"])]
        if replication:
            rows += [("Varnish, 1 replica", f"http://{ONE_REPLICA_CACHE}"), ("Varnish, 2 replicas", env["CACHE_URL"])]
        else:
            rows += [("Varnish in front of the one server", env["CACHE_URL"])]
        print(f"\nGET {PURI_PATH} (text/turtle), wrk -t2 -c{args.connections} -d{args.duration}s, on loopback, 2 cores shared by all")
        print(f"{'setup':40} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}")
        results = {}
        for name, base in rows:
            request(base + PURI_PATH, headers={"Accept": "text/turtle"})  # warm: the cache's first fill, the server's render
            rps, p50, p99 = run_wrk(base + PURI_PATH, args.duration, args.connections, accept="text/turtle")
            results[name] = rps
            print(f"{name:40} {rps:10.0f} {p50:8.2f} {p99:8.2f}")
        alone = results[rows[0][0]]
        for name, _ in rows[1:]:
            print(f"  {name}: {results[name] / alone:.1f}x the server alone")
        if replication:
            lags = measure_lag(env, args.writes, args.rate)
            print(f"\nreplication lag, {args.writes} writes at {args.rate:g}/s on the primary, until every replica has the version:")
            print(f"  p50 {percentile(lags, 50):.1f} ms, p99 {percentile(lags, 99):.1f} ms, max {max(lags):.1f} ms, "
                  f"mean {statistics.mean(lags):.1f} ms")
        else:
            print("\nno replication on this build: replica rows and lag not measured")
    finally:
        pid_file = os.path.join(CLUSTER, "varnish-one.pid")
        if os.path.exists(pid_file):
            pid = int(open(pid_file).read().strip())
            try:
                os.kill(pid, 15)
            except ProcessLookupError:
                pass
            os.remove(pid_file)
        subprocess.run([os.path.join(ROOT, "deploy/cluster/stop.sh")], check=False)


if __name__ == "__main__":
    main()

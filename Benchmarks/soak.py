#!/usr/bin/env python3
"""Soak test (issue 15): a live `lodestar serve` under mixed load for a long time, killed with SIGKILL and restarted
every so often. Reports lost acknowledged writes (must be 0), 5xx answers, /health latency (p50/p99) and the server's
resident memory over time.

Load, all at once from threads:
  - readers: SELECT/ASK/CONSTRUCT queries with short timeouts;
  - writers: small INSERT DATA updates, each with a unique subject, recorded once acknowledged (2xx);
  - a bulk writer: GSP PUTs of a few-thousand-triple graph (recorded when acknowledged, checked whole);
  - slow clients: connections that send their request a few bytes at a time, and readers that read slowly;
  - a prober: GET /health every 100 ms;
  - the killer: every --kill-every seconds, SIGKILL and restart the server on the same store.

At the end (and after each restart) every acknowledged write is looked up; a missing one is a lost write.

    python3 Benchmarks/soak.py --binary .build/release/lodestar --minutes 30 --port 18190
"""
import argparse
import http.client
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import harness

TOKEN = "soak-token"


class Server:
    """The server process: started, killed with SIGKILL, restarted on the same store."""

    def __init__(self, binary, store, port):
        self.binary, self.store, self.port = binary, store, port
        self.process = None
        self.log = open(os.path.join(os.path.dirname(store), "server.log"), "ab")
        self.lock = threading.Lock()

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--store", self.store, "--port", str(self.port), "--update-token", TOKEN,
             "--query-timeout", "5", "--drain-timeout", "2"],
            stdout=self.log, stderr=self.log)
        deadline = time.time() + 300
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("the server did not come up within 300 s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def rss_mib(self):
        return harness.rss_mib(self.process.pid)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = {}
        self.server_errors = []
        self.acknowledged = []          # (kind, key)
        self.health = []                # seconds
        self.rss = []                   # (elapsed s, MiB)
        self.refused = 0                # connection errors (the server was down)

    def status(self, kind, code, detail=""):
        with self.lock:
            self.statuses[(kind, code)] = self.statuses.get((kind, code), 0) + 1
            if code >= 500 and code != 503:
                self.server_errors.append((kind, code, detail[:200]))
            elif code == 503 and kind != "query":
                self.server_errors.append((kind, code, detail[:200]))


def request(base, method, path, body=None, headers=None, timeout=30):
    """(status, body) of one request; status 0 when the connection failed."""
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (OSError, urllib.error.URLError, http.client.HTTPException):
        return 0, b""


def reader(base, stats, stop, rng):
    queries = [
        ("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "select"),
        ("SELECT ?s ?o { ?s <urn:soak:p> ?o } LIMIT 100", "select"),
        ("ASK { ?s <urn:soak:p> ?o }", "ask"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <urn:soak:bulk> { ?s ?p ?o } } LIMIT 500", "graph"),
        ("SELECT ?s { ?s ?p ?o } ORDER BY DESC(?o) LIMIT 10", "select"),
        ("SELECT * { ?a <urn:soak:p> ?b . ?c <urn:soak:p> ?d } LIMIT 1000", "select"),
    ]
    accepts = {
        "select": ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"],
        "ask": ["application/sparql-results+json", "application/sparql-results+xml"],
        "graph": ["text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json"],
    }
    while not stop.is_set():
        query, form = rng.choice(queries)
        accept = rng.choice(accepts[form])
        code, body = request(base, "GET", "/sparql?" + urllib.parse.urlencode({"query": query, "timeout": "3"}),
                             headers={"Accept": accept})
        if code == 0:
            stats.refused += 1
            time.sleep(0.2)
        else:
            stats.status("query", code, body.decode("utf-8", "replace"))


def writer(base, stats, stop, name):
    n = 0
    while not stop.is_set():
        n += 1
        key = f"urn:soak:{name}:{n}"
        body = f"INSERT DATA {{ <{key}> <urn:soak:p> {n} }}".encode()
        code, answer = request(base, "POST", "/update", body,
                               {"Content-Type": "application/sparql-update", "Authorization": "Bearer " + TOKEN})
        if code == 0:
            stats.refused += 1
            time.sleep(0.2)
            continue
        stats.status("update", code, answer.decode("utf-8", "replace"))
        if 200 <= code < 300:
            with stats.lock:
                stats.acknowledged.append(("single", key))


def bulk_writer(base, stats, stop, size):
    n = 0
    while not stop.is_set():
        n += 1
        body = "".join(f'<urn:soak:bulk:{i}> <urn:soak:round> "{n}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                       for i in range(size)).encode()
        code, answer = request(base, "PUT", "/store?graph=urn:soak:bulk", body,
                               {"Content-Type": "application/n-triples", "Authorization": "Bearer " + TOKEN}, timeout=120)
        if code == 0:
            stats.refused += 1
            time.sleep(0.5)
            continue
        stats.status("put", code, answer.decode("utf-8", "replace"))
        if 200 <= code < 300:
            with stats.lock:
                stats.acknowledged.append(("bulk", n))
        time.sleep(1)


def slow_client(port, stats, stop, rng):
    """Sends a request a few bytes at a time, then reads the answer slowly."""
    while not stop.is_set():
        query = urllib.parse.quote("SELECT * { ?s ?p ?o } LIMIT 2000")
        raw = f"GET /sparql?query={query} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nConnection: close\r\n\r\n".encode()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
                for i in range(0, len(raw), 7):
                    if stop.is_set():
                        return
                    sock.sendall(raw[i:i + 7])
                    time.sleep(rng.uniform(0.01, 0.1))
                while sock.recv(512):
                    time.sleep(0.01)
        except OSError:
            time.sleep(0.5)


def prober(base, stats, stop):
    while not stop.is_set():
        start = time.perf_counter()
        code, _ = request(base, "GET", "/health", timeout=10)
        if code == 200:
            with stats.lock:
                stats.health.append(time.perf_counter() - start)
        elif code != 0:
            stats.status("health", code)
        time.sleep(0.1)


def check_acknowledged(base, stats):
    """Acknowledged writes missing from the store (each single write by its subject; the bulk graph whole)."""
    with stats.lock:
        singles = [key for kind, key in stats.acknowledged if kind == "single"]
        bulk_rounds = [key for kind, key in stats.acknowledged if kind == "bulk"]
    code, body = request(base, "GET", "/sparql?" + urllib.parse.urlencode(
        {"query": "SELECT ?s { ?s <urn:soak:p> ?o }", "timeout": "60"}), headers={"Accept": "text/csv"}, timeout=120)
    if code != 200:
        raise SystemExit(f"could not read the store back: {code}")
    present = set(line.strip() for line in body.decode().splitlines()[1:])
    lost = [key for key in singles if key not in present]
    if bulk_rounds:
        code, body = request(base, "GET", "/sparql?" + urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) (MAX(?r) AS ?round) { GRAPH <urn:soak:bulk> { ?s <urn:soak:round> ?r } }",
             "timeout": "60"}), headers={"Accept": "text/csv"}, timeout=120)
        row = body.decode().splitlines()[1].split(",")
        if int(row[0]) % bulk_size != 0 or int(row[1] or 0) < max(bulk_rounds):
            lost.append(f"bulk graph: {row[0]} triples, round {row[1]}, last acknowledged {max(bulk_rounds)}")
    return lost, len(singles), len(bulk_rounds)


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main():
    global bulk_size
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/lodestar")
    parser.add_argument("--port", type=int, default=18190)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--kill-every", type=float, default=60, help="seconds between kill -9 restarts")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--slow-clients", type=int, default=4)
    parser.add_argument("--bulk-size", type=int, default=5000, help="triples per GSP PUT")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    bulk_size = args.bulk_size
    print(f"soak: {args.minutes} min, kill -9 every {args.kill_every} s, seed {args.seed}, binary {args.binary}", flush=True)
    rng = random.Random(args.seed)
    directory = tempfile.mkdtemp(prefix="lodestar-soak-")
    server = Server(os.path.abspath(args.binary), os.path.join(directory, "store"), args.port)
    server.start()
    base = f"http://127.0.0.1:{args.port}"
    stats = Stats()
    stop = threading.Event()
    threads = [threading.Thread(target=reader, args=(base, stats, stop, random.Random(rng.random()))) for _ in range(args.readers)]
    threads += [threading.Thread(target=writer, args=(base, stats, stop, f"w{i}")) for i in range(args.writers)]
    threads += [threading.Thread(target=bulk_writer, args=(base, stats, stop, args.bulk_size))]
    threads += [threading.Thread(target=slow_client, args=(args.port, stats, stop, random.Random(rng.random())))
                for _ in range(args.slow_clients)]
    threads += [threading.Thread(target=prober, args=(base, stats, stop))]
    for thread in threads:
        thread.daemon = True
        thread.start()

    started = time.time()
    end = started + args.minutes * 60
    next_kill = started + args.kill_every
    kills = 0
    lost_total = []
    while time.time() < end:
        time.sleep(1)
        elapsed = time.time() - started
        rss = server.rss_mib()
        if rss is not None and (not stats.rss or elapsed - stats.rss[-1][0] >= 30):
            stats.rss.append((elapsed, rss))
            with stats.lock:
                recent = stats.health[-300:]
                acknowledged = len(stats.acknowledged)
            print(f"  {elapsed:6.0f} s  RSS {rss:7.1f} MiB  /health p99 {percentile(recent, 0.99) * 1000:7.1f} ms  "
                  f"acknowledged {acknowledged}  kills {kills}", flush=True)
        if time.time() >= next_kill and time.time() < end - 10:
            server.kill()
            kills += 1
            server.start()
            lost, _, _ = check_acknowledged(base, stats)
            if lost:
                print(f"  after kill {kills}: {len(lost)} acknowledged writes missing: {lost[:5]}", flush=True)
                lost_total = lost
            next_kill = time.time() + args.kill_every
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    lost, singles, bulks = check_acknowledged(base, stats)
    lost_total = lost or lost_total
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=60)
        shutdown = f"exited {server.process.returncode} after SIGTERM"
    except subprocess.TimeoutExpired:
        server.kill()
        shutdown = "did NOT exit within 60 s of SIGTERM (killed)"

    print("\nsoak report")
    print(f"  duration                 {args.minutes} min, {kills} kill -9 restarts; server {shutdown}")
    print(f"  acknowledged writes      {singles} single updates, {bulks} GSP PUTs of {args.bulk_size} triples")
    print(f"  lost acknowledged writes {len(lost_total)}" + (f": {lost_total[:10]}" if lost_total else ""))
    print(f"  5xx (other than query timeouts) {len(stats.server_errors)}" + (f": {stats.server_errors[:5]}" if stats.server_errors else ""))
    print(f"  refused connections      {stats.refused} (while the server was down)")
    print(f"  /health                  {len(stats.health)} probes, p50 {percentile(stats.health, 0.5) * 1000:.1f} ms, "
          f"p99 {percentile(stats.health, 0.99) * 1000:.1f} ms, max {max(stats.health, default=0) * 1000:.1f} ms")
    print("  statuses                 " + ", ".join(f"{kind} {code}: {count}" for (kind, code), count in sorted(stats.statuses.items())))
    print("  RSS over time (MiB)      " + ", ".join(f"{t:.0f}s {m:.0f}" for t, m in stats.rss))
    return 1 if lost_total or stats.server_errors else 0


bulk_size = 5000

if __name__ == "__main__":
    sys.exit(main())

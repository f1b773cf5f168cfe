#!/usr/bin/env python3
"""Hostile shapes (issue 15): long, deep and slow queries and updates, one request each, against a live server.

Each shape is sent once with `timeout=LIMIT` (default 2 s). Invariants, checked per shape:
  - the server stays up (`/health` answers 200 after every shape);
  - the answer (status line to last byte) comes within LIMIT + 1 s;
  - the status is 200, 400, 413, 414 or 503, and every 4xx/503 has a message; no other 5xx, no dropped connection
    (a 200 whose body the deadline cut short is reported as `200-cut`, which passes when in time);
  - the server's resident memory stays under --max-rss MiB (sampled every 50 ms during each shape).

Run it against a store of the benchmark data (datagen.py), so the slow shapes have something to be slow over:

    python3 Benchmarks/datagen.py /tmp/data.nt 1000000
    .build/debug/lodestar load --store /tmp/store1m /tmp/data.nt
    python3 Benchmarks/shapes.py --binary .build/debug/lodestar --store /tmp/store1m --port 22080

`--url` tests a server already running instead (memory is then not sampled). `--only SUBSTRING` runs the shapes whose
names contain it. Prints one table row per shape and exits 1 if any invariant failed.
"""
import argparse
import http.client
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

import harness

TOKEN = "shapes-token"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
TITLE = f"<{DCT}title>"
HAS_VERSION = f"<{DCT}hasVersion>"
IS_VERSION_OF = f"<{DCT}isVersionOf>"
PREFIXES = f"PREFIX dct: <{DCT}> PREFIX dcat: <{DCAT}>\n"


def chain(operator, count, term="1"):
    return f" {operator} ".join([term] * count)


def q(text):
    return ("query", text)


def u(text):
    return ("update", text)


def shapes():
    """(name, size, kind, text, accept). Texts are built lazily: some are tens of megabytes."""
    json = "application/sparql-results+json"
    ttl, rdfxml, nt, jsonld = "text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json"
    rows = []

    def add(name, size, build, accept=json):
        rows.append((name, size, build, accept))

    for operator in ["+", "*", "-", "/"]:
        for n in (4_000, 9_000, 50_000):
            add(f"expr chain {operator}", n, lambda o=operator, n=n: q(f"SELECT ({chain(o, n)} AS ?x) {{}}"))
    for operator in ["&&", "||"]:
        for n in (5_000, 9_000, 50_000):
            add(f"expr chain {operator}", n, lambda o=operator, n=n: q(f"SELECT * {{ ?s {TITLE} ?t FILTER({chain(o, n, '(?t = 1)')}) }}"))
    for operator in ["=", "<"]:
        add(f"expr chain {operator}", 10_000, lambda o=operator: q(f"SELECT ({chain(o, 10_000)} AS ?x) {{}}"))
    add("unary chain -", 9_000, lambda: q(f"SELECT ({'-' * 9_000}1 AS ?x) {{}}"))
    add("unary chain !", 50_000, lambda: q(f"SELECT ({'!' * 50_000}true AS ?x) {{}}"))
    add("nested STR()", 9_000, lambda: q(f"SELECT ({'STR(' * 9_000}1{')' * 9_000} AS ?x) {{}}"))
    add("IN list", 100_000, lambda: q(f"SELECT * {{ ?s {TITLE} ?t FILTER(?t IN ({', '.join(str(i) for i in range(100_000))})) }}"))
    add("NOT IN list", 100_000, lambda: q(f"SELECT * {{ ?s {TITLE} ?t FILTER(?t NOT IN ({', '.join(str(i) for i in range(100_000))})) }}"))
    add("sequential FILTERs", 9_000, lambda: q(f"SELECT * {{ ?s {TITLE} ?t {' '.join(f'FILTER(?t != {i})' for i in range(9_000))} }}"))
    add("sequential FILTERs", 50_000, lambda: q(f"SELECT * {{ ?s {TITLE} ?t {' '.join(f'FILTER(?t != {i})' for i in range(50_000))} }}"))
    add("BINDs", 9_990, lambda: q("SELECT * { BIND(1 AS ?v0) " + " ".join(f"BIND(?v{i} + 1 AS ?v{i + 1})" for i in range(9_989)) + " }"))
    add("BINDs over data", 2_000, lambda: q(f"SELECT * {{ ?s {TITLE} ?v0 " + " ".join(f"BIND(?v{i} AS ?v{i + 1})" for i in range(2_000)) + " }"))
    add("OPTIONALs", 2_000, lambda: q(f"SELECT * {{ ?s a <{DCAT}Dataset> " + " ".join(f"OPTIONAL {{ ?s {TITLE} ?t{i} }}" for i in range(2_000)) + " }"))
    add("OPTIONALs", 9_990, lambda: q(f"SELECT * {{ ?s a <{DCAT}Dataset> " + " ".join(f"OPTIONAL {{ ?s {TITLE} ?t{i} }}" for i in range(9_990)) + " }"))
    add("UNIONs", 9_000, lambda: q("SELECT * { " + " UNION ".join(f"{{ ?s {TITLE} \"t{i}\" }}" for i in range(9_000)) + " }"))
    add("UNIONs", 50_000, lambda: q("SELECT * { " + " UNION ".join(f"{{ ?s {TITLE} \"t{i}\" }}" for i in range(50_000)) + " }"))
    add("MINUS chain", 9_000, lambda: q(f"SELECT * {{ ?s {TITLE} ?t " + " ".join(f"MINUS {{ ?s {TITLE} \"t{i}\" }}" for i in range(9_000)) + " }"))
    add("path /", 9_000, lambda: q(f"SELECT * {{ ?s {'/'.join([HAS_VERSION, IS_VERSION_OF] * 4_500)} ?o }}"))
    add("path /", 50_000, lambda: q(f"SELECT * {{ ?s {'/'.join([HAS_VERSION] * 50_000)} ?o }}"))
    add("path |", 100_000, lambda: q(f"SELECT * {{ ?s {'|'.join(f'<urn:p{i}>' for i in range(100_000))} ?o }}"))
    add("path ^ nested", 9_000, lambda: q(f"SELECT * {{ ?s {'^(' * 9_000}{TITLE}{')' * 9_000} ?o }}"))
    add("path ( ) nested", 50_000, lambda: q(f"SELECT * {{ ?s {'(' * 50_000}{TITLE}{')' * 50_000} ?o }}"))
    add("path * closure", 1, lambda: q(f"SELECT (COUNT(*) AS ?n) {{ ?s ({HAS_VERSION}|{IS_VERSION_OF}|^<{DCT}publisher>)* ?o }}"))
    add("path (!p)* all", 1, lambda: q("SELECT (COUNT(*) AS ?n) { ?s (!<urn:none>)* ?o }"))
    add("path (p*)* nested stars", 1_000, lambda: q(f"SELECT * {{ ?s {'(' * 1_000}{HAS_VERSION}{')*' * 1_000} ?o }}"))
    add("path + over all", 1, lambda: q("SELECT (COUNT(*) AS ?n) { ?s (<http://www.w3.org/2004/02/skos/core#broader>|!<urn:x>)+ ?o }"))
    add("expr parentheses", 9_000, lambda: q(f"SELECT ({'(' * 9_000}1{')' * 9_000} AS ?x) {{}}"))
    add("expr parentheses", 100_000, lambda: q(f"SELECT ({'(' * 100_000}1{')' * 100_000} AS ?x) {{}}"))
    add("nested groups", 9_000, lambda: q(f"SELECT * {'{' * 9_000} ?s {TITLE} ?o {'}' * 9_000}"))
    add("nested groups", 100_000, lambda: q(f"SELECT * {'{' * 100_000}{'}' * 100_000}"))
    add("group sequence", 20_000, lambda: q("SELECT * { " + " ".join("{}" for _ in range(20_000)) + " }"))
    add("nested subqueries", 3_000, lambda: q("SELECT * { " * 3_000 + f"?s {TITLE} ?o" + " }" * 3_000))
    add("nested EXISTS", 3_000, lambda: q(f"SELECT * {{ ?s {TITLE} ?o " + "FILTER EXISTS { " * 3_000 + "}" * 3_000 + " }"))
    add("nested OPTIONAL", 5_000, lambda: q("SELECT * { " + f"?s {TITLE} ?o OPTIONAL {{ " * 5_000 + "}" * 5_000 + " }"))
    add("nested GRAPH", 5_000, lambda: q("SELECT * { " + "GRAPH ?g { " * 5_000 + "}" * 5_000 + " }"))
    add("nested blank node lists", 9_000, lambda: q(f"SELECT * {{ ?s {TITLE} {'[ <urn:p> ' * 9_000}1{' ]' * 9_000} }}"))
    add("nested collections", 9_000, lambda: q(f"SELECT * {{ ?s {TITLE} {'( ' * 9_000}1{' )' * 9_000} }}"))
    add("collection", 100_000, lambda: q(f"SELECT * {{ ?s {TITLE} ({' '.join(str(i) for i in range(100_000))}) }}"))
    add("object list", 100_000, lambda: q(f"SELECT * {{ ?s {TITLE} {', '.join(str(i) for i in range(100_000))} }}"))
    add("VALUES rows", 100_000, lambda: q("SELECT * { VALUES ?x { " + " ".join(str(i) for i in range(100_000)) + " } }"))
    add("VALUES join data", 100_000, lambda: q(f"SELECT * {{ VALUES ?t {{ " + " ".join(f'"t{i}"@en' for i in range(100_000)) + f" }} ?s {TITLE} ?t }}"))
    add("VALUES columns", 20_000, lambda: q("SELECT * { VALUES (" + " ".join(f"?v{i}" for i in range(20_000)) + ") { (" + " ".join("1" for _ in range(20_000)) + ") } }"))
    add("disjoint patterns", 1_999, lambda: q("SELECT * { " + " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(1_999)) + " }"))
    add("disjoint patterns", 100_000, lambda: q("SELECT * { " + " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(100_000)) + " }"))
    add("chained patterns", 1_999, lambda: q("SELECT * { " + " . ".join(f"?x{i} ?p{i} ?x{i + 1}" for i in range(1_999)) + " }"))
    add("star patterns", 1_999, lambda: q("SELECT * { " + " . ".join(f"?s ?p{i} ?o{i}" for i in range(1_999)) + " }"))
    add("cross product 1M x 1M", 2, lambda: q("SELECT * { ?a ?b ?c . ?d ?e ?f }"))
    add("cross product COUNT", 2, lambda: q("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }"))
    add("ORDER BY 1M rows", 1_000_000, lambda: q("SELECT ?s ?o { ?s ?p ?o } ORDER BY ?o ?s"))
    add("ORDER BY keys", 9_000, lambda: q(f"SELECT * {{ ?s {TITLE} ?o }} ORDER BY " + " ".join("?o" for _ in range(9_000))))
    add("ORDER BY keys", 100_000, lambda: q(f"SELECT * {{ ?s {TITLE} ?o }} ORDER BY " + " ".join("?o" for _ in range(100_000))))
    add("GROUP BY 1M", 1_000_000, lambda: q("SELECT ?o (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?o"))
    add("GROUP BY keys", 9_000, lambda: q(f"SELECT (COUNT(*) AS ?n) {{ ?s {TITLE} ?o }} GROUP BY " + " ".join("?o" for _ in range(9_000))))
    add("GROUP_CONCAT 1M", 1_000_000, lambda: q("SELECT (GROUP_CONCAT(STR(?o)) AS ?x) { ?s ?p ?o }"))
    add("aggregates in chain", 5_000, lambda: q(f"SELECT ({chain('+', 5_000, 'COUNT(?o)')} AS ?x) {{ ?s {TITLE} ?o }}"))
    add("DISTINCT 1M", 1_000_000, lambda: q("SELECT DISTINCT ?o { ?s ?p ?o }"))
    add("projection", 100_000, lambda: q("SELECT " + " ".join(f"?v{i}" for i in range(100_000)) + " {}"))
    add("regex (a+)+$ over data", 1, lambda: q("SELECT * { ?s ?p ?o FILTER(REGEX(STR(?o), \"^(a|aa|a+)+$\")) }"))
    add("regex backtracking long", 1, lambda: q(f"SELECT (REGEX(\"{'a' * 40}b\", \"^(a+)+$\") AS ?x) {{}}"))
    add("regex nested quantifiers", 1, lambda: q(f"SELECT (REGEX(\"{'a' * 5_000}!\", \"^((a*)*|b)*$\") AS ?x) {{}}"))
    add("regex huge pattern", 100_000, lambda: q(f"SELECT (REGEX(\"a\", \"{'(a|' * 20_000}a{')' * 20_000}\") AS ?x) {{}}"))
    add("CONCAT doubling", 40, lambda: q("SELECT * { BIND(\"aaaaaaaaaaaaaaaa\" AS ?v0) " + " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(40)) + " } "))
    # ICU runs out of backtracking stack here: an error value (unbound), never the input unchanged.
    add("REPLACE backtracking stack", 1_000_000, lambda: q(f"SELECT (REPLACE(\"{'a' * 1_000_000}\", \"(a+)+b\", \"x\") AS ?x) {{}}"))
    add("REGEX backtracking stack", 1_000_000, lambda: q(f"SELECT (REGEX(\"{'a' * 1_000_000}\", \"(a)+b\") AS ?x) {{}}"))
    add("REPLACE doubling", 40, lambda: q("SELECT * { BIND(\"aaaaaaaaaaaaaaaa\" AS ?v0) " + " ".join(f"BIND(REPLACE(?v{i}, \"a\", \"aa\") AS ?v{i + 1})" for i in range(40)) + " } "))
    add("GROUP_CONCAT doubling", 30, lambda: q("SELECT ?x30 { " + "".join(f"{{ SELECT (GROUP_CONCAT(?x{i}) AS ?x{i + 1}) {{ VALUES ?k {{ 1 2 }} " for i in reversed(range(30))) + "BIND(\"aaaa\" AS ?x0)" + " } }" * 30 + " }"))
    add("STRLEN of CONCAT chain", 30, lambda: q("SELECT (STRLEN(?v30) AS ?n) { BIND(\"aaaaaaaaaaaaaaaa\" AS ?v0) " + " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(30)) + " } "))
    add("big integer literal", 1_000_000, lambda: q(f"SELECT ({'9' * 1_000_000} * 2 AS ?x) {{}}"))
    add("big decimal chain", 5_000, lambda: q(f"SELECT ({chain('*', 5_000, '99999999999999999999.5')} AS ?x) {{}}"))
    add("long IRI", 1_000_000, lambda: q(f"SELECT * {{ <http://x/{'a' * 1_000_000}> ?p ?o }}"))
    add("long prefixed name", 1_000_000, lambda: q(f"PREFIX p: <http://x/> SELECT * {{ p:{'a' * 1_000_000} ?p ?o }}"))
    add("long prefix label", 1_000_000, lambda: q(f"PREFIX {'p' * 1_000_000}: <http://x/> SELECT * {{ ?s ?p ?o }} LIMIT 1"))
    add("many PREFIXes", 100_000, lambda: q("".join(f"PREFIX p{i}: <http://x/{i}/>\n" for i in range(100_000)) + "SELECT * {} "))
    add("long variable", 1_000_000, lambda: q(f"SELECT ?{'v' * 1_000_000} {{ BIND(1 AS ?{'v' * 1_000_000}) }}"))
    add("long literal", 5_000_000, lambda: q(f"SELECT (STRLEN(\"{'a' * 5_000_000}\") AS ?n) {{}}"))
    add("long literal escapes", 1_000_000, lambda: q("SELECT (STRLEN(\"" + "\\n" * 1_000_000 + "\") AS ?n) {}"))
    add("CONSTRUCT 1M Turtle", 1_000_000, lambda: q("CONSTRUCT WHERE { ?s ?p ?o }"), ttl)
    add("CONSTRUCT 1M RDF/XML", 1_000_000, lambda: q("CONSTRUCT WHERE { ?s ?p ?o }"), rdfxml)
    add("CONSTRUCT 1M JSON-LD", 1_000_000, lambda: q("CONSTRUCT WHERE { ?s ?p ?o }"), jsonld)
    add("CONSTRUCT 1M N-Triples", 1_000_000, lambda: q("CONSTRUCT WHERE { ?s ?p ?o }"), nt)
    add("CONSTRUCT template", 100_000, lambda: q("CONSTRUCT { " + " ".join(f"?s <urn:p{i}> ?o ." for i in range(100_000)) + f" }} WHERE {{ ?s {TITLE} ?o }}"), nt)
    add("CONSTRUCT blank chain RDF/XML", 200_000, lambda: q("CONSTRUCT { ?s <urn:p> " + "[ <urn:p> " * 100 + "1" + " ]" * 100 + f" }} WHERE {{ ?s {TITLE} ?o }}"), rdfxml)
    add("DESCRIBE many", 100_000, lambda: q(f"DESCRIBE ?s WHERE {{ ?s a <{DCAT}Dataset> }}"), ttl)
    add("DESCRIBE many RDF/XML", 100_000, lambda: q(f"DESCRIBE ?s WHERE {{ ?s a <{DCAT}Dataset> }}"), rdfxml)
    add("SELECT 1M XML", 1_000_000, lambda: q("SELECT * { ?s ?p ?o }"), "application/sparql-results+xml")
    add("SELECT 1M CSV", 1_000_000, lambda: q("SELECT * { ?s ?p ?o }"), "text/csv")
    # Updates. Every one either fails or leaves the data as it was (a graph of its own, dropped after).
    add("update expr chain +", 9_000, lambda: u(f"INSERT {{ GRAPH <urn:shapes> {{ <urn:s> <urn:p> ?x }} }} WHERE {{ BIND({chain('+', 9_000)} AS ?x) }}"))
    add("update expr chain +", 50_000, lambda: u(f"INSERT {{ GRAPH <urn:shapes> {{ <urn:s> <urn:p> ?x }} }} WHERE {{ BIND({chain('+', 50_000)} AS ?x) }}"))
    add("update || chain WHERE", 9_000, lambda: u(f"DELETE {{ ?s {TITLE} ?t }} WHERE {{ ?s {TITLE} ?t FILTER({chain('||', 9_000, '(?t = 1)')}) }}"))
    add("update FILTERs", 9_000, lambda: u(f"DELETE {{ ?s {TITLE} ?t }} WHERE {{ ?s {TITLE} ?t {' '.join(f'FILTER(?t = {i})' for i in range(9_000))} }}"))
    add("update UNIONs", 50_000, lambda: u("DELETE { ?s <urn:p> ?o } WHERE { " + " UNION ".join(f"{{ ?s <urn:p{i}> ?o }}" for i in range(50_000)) + " }"))
    add("update OPTIONALs", 2_000, lambda: u(f"INSERT {{ GRAPH <urn:shapes> {{ ?s <urn:p> 1 }} }} WHERE {{ ?s a <{DCAT}Dataset> " + " ".join(f"OPTIONAL {{ ?s {TITLE} ?t{i} }}" for i in range(2_000)) + " }"))
    add("update path /", 50_000, lambda: u(f"DELETE {{ ?s <urn:p> ?o }} WHERE {{ ?s {'/'.join([HAS_VERSION] * 50_000)} ?o }}"))
    add("update copy 1M", 1_000_000, lambda: u("INSERT { GRAPH <urn:shapes> { ?s ?p ?o } } WHERE { ?s ?p ?o }"))
    add("update operations", 20_000, lambda: u(" ;\n".join(f"INSERT DATA {{ GRAPH <urn:shapes> {{ <urn:s{i}> <urn:p> {i} }} }}" for i in range(20_000))))
    add("update template", 100_000, lambda: u("INSERT { GRAPH <urn:shapes> { " + " ".join(f"<urn:s> <urn:p{i}> ?t ." for i in range(100_000)) + f" }} }} WHERE {{ <urn:none> {TITLE} ?t }}"))
    add("INSERT DATA 1M", 1_000_000, lambda: u("INSERT DATA { GRAPH <urn:shapes> { " + " ".join(f"<urn:s{i}> <urn:p> {i} ." for i in range(1_000_000)) + " } }"))
    add("INSERT DATA list", 50_000, lambda: u("INSERT DATA { GRAPH <urn:shapes:list> { <urn:list> <urn:p> (" + " ".join(str(i) for i in range(50_000)) + ") } }"))
    add("CONSTRUCT list RDF/XML", 100_000, lambda: q("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <urn:shapes:list> { ?s ?p ?o } }"), rdfxml)
    add("CONSTRUCT list Turtle", 100_000, lambda: q("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <urn:shapes:list> { ?s ?p ?o } }"), ttl)
    add("CONSTRUCT list JSON-LD", 100_000, lambda: q("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <urn:shapes:list> { ?s ?p ?o } }"), jsonld)
    add("update nested groups", 9_000, lambda: u(f"DELETE {{ ?s <urn:p> ?o }} WHERE {'{' * 9_000} ?s <urn:p> ?o {'}' * 9_000}"))
    add("update long IRI", 1_000_000, lambda: u(f"INSERT DATA {{ GRAPH <urn:shapes> {{ <http://x/{'a' * 1_000_000}> <urn:p> 1 }} }}"))
    add("DROP shapes graphs", 2, lambda: u("DROP SILENT GRAPH <urn:shapes> ; DROP SILENT GRAPH <urn:shapes:list>"))
    return rows


class Server:
    def __init__(self, binary, store, port, limit):
        self.process = subprocess.Popen(
            [binary, "serve", "--store", store, "--port", str(port), "--update-token", TOKEN, "--query-timeout", str(limit)],
            stdout=open(os.path.join(os.path.dirname(os.path.abspath(store)), "shapes-server.log"), "ab"), stderr=subprocess.STDOUT)

    def rss_mib(self):
        return harness.rss_mib(self.process.pid)


def send(host, port, kind, text, accept, limit, wait):
    """(status, message, bytes, seconds, cut). Seconds run from the first byte sent to the last byte read."""
    body = text.encode("utf-8")
    if kind == "query":
        path, headers = f"/sparql?timeout={limit}", {"Content-Type": "application/sparql-query", "Accept": accept}
    else:
        path = f"/update?timeout={limit}"
        headers = {"Content-Type": "application/sparql-update", "Authorization": "Bearer " + TOKEN}
    connection = http.client.HTTPConnection(host, port, timeout=wait)
    start = time.perf_counter()
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        cut, size, head = False, 0, b""
        try:
            while True:
                chunk = response.read(1 << 16)
                if not chunk:
                    break
                if len(head) < 300:
                    head += chunk[:300]
                size += len(chunk)
        except http.client.IncompleteRead as error:
            cut, size = True, size + len(error.partial)
        except (ConnectionError, TimeoutError) as error:
            cut = True
            head = head or str(error).encode()
        return response.status, head.decode("utf-8", "replace"), size, time.perf_counter() - start, cut
    except (OSError, http.client.HTTPException) as error:
        return 0, f"{type(error).__name__}: {error}", 0, time.perf_counter() - start, False
    finally:
        connection.close()


def concurrency(host, port, clients, seconds):
    """`clients` CONSTRUCTs of the whole store (RDF/XML and Turtle in turn) at once, each read to the end, while /catalog
    and a PURI document are fetched back to back: prints when each CONSTRUCT finished and the small requests' latency."""
    finished, small, stop = [], {"/catalog": [], "/doc/dr8/ABB1.ttl": []}, threading.Event()
    start = time.perf_counter()

    def heavy(index):
        accept = ["application/rdf+xml", "text/turtle"][index % 2]
        status, _, size, seconds, cut = send(host, port, "query", "CONSTRUCT WHERE { ?s ?p ?o }", accept, f"{seconds_limit}", seconds_limit + 60)
        finished.append((accept, status, size, time.perf_counter() - start, cut))

    def prober():
        while not stop.is_set():
            for path, times in small.items():
                connection = http.client.HTTPConnection(host, port, timeout=60)
                began = time.perf_counter()
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    response.read()
                    times.append((time.perf_counter() - began, response.status))
                except (OSError, http.client.HTTPException):
                    times.append((time.perf_counter() - began, 0))
                finally:
                    connection.close()
            time.sleep(0.1)

    seconds_limit = seconds
    threads = [threading.Thread(target=heavy, args=(i,)) for i in range(clients)]
    probe = threading.Thread(target=prober)
    probe.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    probe.join()
    for accept, status, size, at, cut in sorted(finished, key=lambda row: row[3]):
        print(f"  CONSTRUCT {accept:20} {status}{'-cut' if cut else ''} {size:>12,} bytes, done at {at:6.2f} s")
    for path, times in small.items():
        values = sorted(t for t, _ in times)
        statuses = sorted(set(code for _, code in times))
        if values:
            print(f"  {path:20} {len(values)} requests, statuses {statuses}, median {values[len(values) // 2] * 1000:.0f} ms, "
                  f"max {values[-1] * 1000:.0f} ms")


def healthy(host, port):
    for _ in range(3):
        try:
            connection = http.client.HTTPConnection(host, port, timeout=5)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return True
        except (OSError, http.client.HTTPException):
            time.sleep(1)
    return False


def main():
    global TOKEN
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="start this lodestar on --store (else --url must be running)")
    parser.add_argument("--store")
    parser.add_argument("--port", type=int, default=22080)
    parser.add_argument("--url", help="a server already running, e.g. http://127.0.0.1:8080 (with --token)")
    parser.add_argument("--token", default=TOKEN)
    parser.add_argument("--limit", type=float, default=2, help="timeout= of each request, seconds")
    parser.add_argument("--slack", type=float, default=1, help="seconds past the limit an answer may take")
    parser.add_argument("--max-rss", type=float, default=4096, help="MiB the server may reach")
    parser.add_argument("--only", action="append", help="run only shapes whose name contains this (repeatable)")
    parser.add_argument("--skip", action="append", help="skip shapes whose name contains this (repeatable)")
    parser.add_argument("--concurrent", type=int, default=0,
                        help="instead of the shapes: this many whole-store CONSTRUCTs at once beside /catalog and a PURI document")
    parser.add_argument("--concurrent-limit", type=float, default=120, help="timeout= of the concurrent CONSTRUCTs")
    args = parser.parse_args()
    TOKEN = args.token
    server = None
    if args.binary:
        server = Server(args.binary, args.store, args.port, args.limit)
        host, port = "127.0.0.1", args.port
        deadline = time.time() + 600
        while not healthy(host, port):
            if time.time() > deadline or server.process.poll() is not None:
                raise SystemExit("the server did not come up")
    else:
        parsed = urllib.parse.urlparse(args.url)
        host, port = parsed.hostname, parsed.port or 80
    limit = f"{args.limit:g}"
    failures = []
    if args.concurrent:
        try:
            concurrency(host, port, args.concurrent, args.concurrent_limit)
        finally:
            if server:
                server.process.send_signal(signal.SIGTERM)
                server.process.wait(timeout=60)
        return 0
    print(f"{'shape':32} {'size':>9} {'status':>8} {'time s':>7} {'bytes':>10} {'RSS MiB':>8}  message", flush=True)
    try:
        for name, size, build, accept in shapes():
            if args.only and not any(part in name for part in args.only):
                continue
            if args.skip and any(part in name for part in args.skip):
                continue
            kind, text = build()
            peak = [server.rss_mib() if server else None]
            done = threading.Event()

            def sample():
                while not done.wait(0.05):
                    value = server.rss_mib()
                    if value and value > (peak[0] or 0):
                        peak[0] = value
            sampler = threading.Thread(target=sample, daemon=True)
            if server:
                sampler.start()
            status, message, length, seconds, cut = send(host, port, kind, text, accept, limit, args.limit + 60)
            done.set()
            up = healthy(host, port)
            problems = []
            if not up:
                problems.append("server down")
            if seconds > args.limit + args.slack:
                problems.append("late")
            if status not in (200, 204, 400, 413, 414, 503):
                problems.append(f"status {status}")
            elif status >= 400 and not message.strip():
                problems.append("no message")
            if peak[0] and peak[0] > args.max_rss:
                problems.append("memory")
            shown = f"{status}{'-cut' if cut else ''}"
            rss = f"{peak[0]:.0f}" if peak[0] else "-"
            detail = " ".join(message.split())[:90] if status >= 400 else ""
            verdict = ("FAIL " + ",".join(problems) + " ") if problems else ""
            print(f"{name:32} {size:>9,} {shown:>8} {seconds:7.2f} {length:>10,} {rss:>8}  {verdict}{detail}", flush=True)
            if problems:
                failures.append(name)
            if not up:
                if server:
                    print(f"server exit code {server.process.poll()}", flush=True)
                break
    finally:
        if server:
            server.process.send_signal(signal.SIGTERM)
            try:
                server.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.process.kill()
    print(f"\n{len(failures)} shapes failed" + (": " + ", ".join(failures) if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

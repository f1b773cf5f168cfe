#!/usr/bin/env python3
"""Issues 6 and 12's PURI benchmark: `wrk` on a PURI's Turtle document in Lodestar against the same DESCRIBE through
`oxigraph serve`'s /query, on the same data, in one run; and the catalogue's `/resource`, `/search` and a view's diagram.

Both stores hold 1M generated EIRA/ADMS-shaped triples (datagen.py; ~300 solutions point at each generated ABB) in
the default graph plus the real EIRA SKOS edition in its release graph. Lodestar answers GET /doc/dr8/{local}.ttl
(the document: own triples in every graph, inbound links, blank-node closure, labels of linked IRIs); Oxigraph
answers GET /query?query=DESCRIBE <puri> with `Accept: text/turtle` (its concise bounded description). `wrk`
(2 threads, --connections, --duration seconds) runs against one server at a time, on loopback. The issue's
target: p99 ≤ 5 ms and ≥ 2× Oxigraph's requests/s.

Issue 12's rows: `/resource` (a generated solution, which is in no served namespace) as Turtle and as the HTML page,
each against Oxigraph's DESCRIBE of the solution (target: p99 ≤ 10 ms); and `/search` (JSON, 20 ranked hits) for a
solution's title words and for a word in thousands of texts, each against what a store without a text index runs: a
case-insensitive REGEX FILTER over every literal, LIMIT 20. The `diagram` row: the HTML page of a view of the ArchiMate
6.0.0 edition (the inline SVG of its diagram and its member list; both stores also hold that edition's graph) against
Oxigraph's DESCRIBE of the view.

Usage (from the package root): python3 Benchmarks/puri.py [--duration 10] [--connections 16] [--triples 1000000]
    [--rows search-common,diagram]  (only these rows; all by default)
Builds release into $LODESTAR_BENCH_BUILD (default /tmp/build-httpbench); needs `wrk` and `oxigraph` on PATH.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import datagen  # noqa: E402
from harness import release_build, require, run_wrk, shared_dir, wait_for  # noqa: E402

SKOS_GRAPH = "https://w3id.org/lodestar/graph/eira/skos/v4.0.0"
ARCHIMATE_GRAPH = "https://w3id.org/lodestar/graph/eira/archimate/v6.0.0"
VIEW = "http://data.europa.eu/dr8/view/LegalView"
PURIS = {
    "eira-abb": "PublicPolicy",
    "eira-view": "view/LegalView",
    "generated-abb": "ABB7",
}
SOLUTION = datagen.BASE + "solution/4242"
# Row → (Lodestar path, Accept, Oxigraph SPARQL query, Accept).
CATALOGUE = {
    "resource-ttl": ("/resource.ttl?iri=" + urllib.parse.quote(SOLUTION, safe=""), "text/turtle",
                     f"DESCRIBE <{SOLUTION}>", "text/turtle"),
    "resource-html": ("/resource?iri=" + urllib.parse.quote(SOLUTION, safe=""), "text/html",
                      f"DESCRIBE <{SOLUTION}>", "text/turtle"),
    "search-title": ("/search?q=solution+4242", "application/json",
                     'SELECT ?s ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o) && REGEX(STR(?o), "solution 4242", "i")) } LIMIT 20',
                     "application/sparql-results+json"),
    "search-common": ("/search?q=registry", "application/json",
                      'SELECT ?s ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o) && REGEX(STR(?o), "registry", "i")) } LIMIT 20',
                      "application/sparql-results+json"),
    "diagram": ("/doc/dr8/view/LegalView.html", "text/html", f"DESCRIBE <{VIEW}>", "text/turtle"),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "lodestar-puribench"))
    parser.add_argument("--port", type=int, default=18741, help="Lodestar's port; Oxigraph's is the next one")
    parser.add_argument("--rows", default=",".join(list(PURIS) + list(CATALOGUE)), help="comma-separated rows to run")
    args = parser.parse_args()
    rows = args.rows.split(",")
    unknown = [row for row in rows if row not in PURIS and row not in CATALOGUE]
    if unknown:
        raise SystemExit(f"unknown rows {unknown}; the rows are {list(PURIS) + list(CATALOGUE)}")
    require("wrk", "oxigraph")
    eira = os.path.join(shared_dir(), "data", "eira-skos", "EIRA_SKOS.rdf")
    archimate = os.path.join(shared_dir(), "data", "eira-archimate", "v6.0.0", "EIRA.xml")
    lodestar = os.path.join(release_build("/tmp/build-httpbench", product="lodestar"), "lodestar")

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    generated = os.path.join(args.work, "generated.nt")
    datagen.generate(generated, args.triples)
    lodestar_store, oxigraph_store = os.path.join(args.work, "lodestar"), os.path.join(args.work, "oxigraph")
    subprocess.run([lodestar, "load", "--store", lodestar_store, generated], check=True, capture_output=True)
    subprocess.run([lodestar, "load", "--store", lodestar_store, "--graph", SKOS_GRAPH, eira], check=True, capture_output=True)
    # The ArchiMate edition as Lodestar imports it (diagrams included), dumped for Oxigraph.
    subprocess.run([lodestar, "import-eira", "--store", lodestar_store, archimate], check=True, capture_output=True)
    archimate_nt = os.path.join(args.work, "archimate.nt")
    with open(archimate_nt, "wb") as out:
        subprocess.run([lodestar, "dump", "--store", lodestar_store, "--graph", ARCHIMATE_GRAPH, "--format", "ntriples"], check=True, stdout=out)
    subprocess.run(["oxigraph", "load", "--location", oxigraph_store, "--file", generated], check=True, capture_output=True)
    subprocess.run(["oxigraph", "load", "--location", oxigraph_store, "--file", eira, "--graph", SKOS_GRAPH], check=True,
                   capture_output=True)
    subprocess.run(["oxigraph", "load", "--location", oxigraph_store, "--file", archimate_nt, "--format", "nt", "--graph", ARCHIMATE_GRAPH],
                   check=True, capture_output=True)

    ours, theirs = args.port, args.port + 1

    def lodestar_url(local):
        return f"http://127.0.0.1:{ours}/doc/dr8/{local}.ttl"

    def oxigraph_url(local):
        return f"http://127.0.0.1:{theirs}/query?query=" + urllib.parse.quote(f"DESCRIBE <http://data.europa.eu/dr8/{local}>")

    def catalogue_request(engine, name):
        path, accept, query, oxigraph_accept = CATALOGUE[name]
        if engine == "lodestar":
            return f"http://127.0.0.1:{ours}{path}", accept
        return f"http://127.0.0.1:{theirs}/query?query=" + urllib.parse.quote(query), oxigraph_accept

    servers = {
        "lodestar": ([lodestar, "serve", "--store", lodestar_store, "--port", str(ours)], lodestar_url,
                     f"http://127.0.0.1:{ours}/health"),
        "oxigraph": (["oxigraph", "serve", "--location", oxigraph_store, "--bind", f"127.0.0.1:{theirs}", "--union-default-graph"],
                     oxigraph_url, oxigraph_url("PublicPolicy")),
    }
    results = {}
    for engine, (command, url_of, ready) in servers.items():
        log = open(os.path.join(args.work, engine + ".log"), "w")
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "LOG_LEVEL": "warning"})
        try:
            wait_for(ready, seconds=120)
            for name, local in PURIS.items():
                if name not in rows:
                    continue
                url = url_of(local)
                run_wrk(url, 2, args.connections, "text/turtle")  # warm-up
                results[(engine, name)] = run_wrk(url, args.duration, args.connections, "text/turtle")
            if engine == "lodestar":
                # The search index is built from the store at start; the first search waits for it.
                wait_for(catalogue_request(engine, "search-title")[0], seconds=300)
            for name in CATALOGUE:
                if name not in rows:
                    continue
                url, accept = catalogue_request(engine, name)
                # A REGEX FILTER scans every literal: past wrk's 2 s timeout its requests would count as none.
                run_wrk(url, 2, args.connections, accept, timeout=60)  # warm-up
                results[(engine, name)] = run_wrk(url, args.duration, args.connections, accept, timeout=60)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
            log.close()

    print(f"\n{args.triples} generated triples + EIRA v4.0.0 SKOS; wrk -t2 -c{args.connections} -d{args.duration}s")
    print(f"{'PURI':<14} {'engine':<9} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}   lodestar/oxigraph")
    for name in rows:
        for engine in servers:
            rps, p50, p99 = results[(engine, name)]
            ratio = ""
            if engine == "oxigraph" and rps > 0:
                ratio = f"{results[('lodestar', name)][0] / rps:.2f}x throughput, p99 {results[('lodestar', name)][2]:.2f} vs {p99:.2f} ms"
            print(f"{name:<14} {engine:<9} {rps:>10.0f} {p50:>8.2f} {p99:>8.2f}   {ratio}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Issue 3's query benchmark: the catalogue query mix (query_mix.py) on Lodestar and Oxigraph, in one run.

Two datasets: 1M generated EIRA/ADMS-shaped triples (datagen.py) and the real EIRA SKOS edition. Each is loaded into a
Lodestar store (`lodestar load`) and an Oxigraph store (`oxigraph load`). Lodestar runs the queries in the
`query-benchmark` tool (parse + evaluate + pull every row + decode every term); Oxigraph runs them in this process
through pyoxigraph (query + iterate every row + build every term object). Both answers are reduced to the same
canonical text (see `canonical`) and compared; the table gives rows, median milliseconds, the Lodestar/Oxigraph ratio
and whether the answers are equal, then the geometric-mean ratio per dataset and the worst query.
Usage (from the package root): python3 Benchmarks/queries.py [--triples N] [--work DIR] [--only NAME…]
(--work defaults to $TMPDIR/lodestar-qbench; the generated N-Triples there are reused.)
"""
import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(__file__))
import datagen  # noqa: E402
import query_mix  # noqa: E402

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
BUILD = ["swift", "build", "-c", "release", "--scratch-path", os.environ.get("LODESTAR_BENCH_BUILD", "/tmp/build-qbench")]


# --- the canonical answer: byte-for-byte the same text as CanonicalAnswer in QueryBenchmark/main.swift -------------

def _u_escape(ch):
    code = ord(ch)
    return f"\\U{code:08X}" if code > 0xFFFF else f"\\u{code:04X}"


def nt_iri(value):
    return "<" + "".join(_u_escape(c) if c in '<>"{}|^`\\' or ord(c) <= 0x20 else c for c in value) + ">"


def nt_quoted(text):
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"}
    return '"' + "".join(escapes.get(c) or (_u_escape(c) if ord(c) < 0x20 or c == "\x7f" else c) for c in text) + '"'


def nt_term(term):
    """Lodestar's N-Triples form of a pyoxigraph term; every blank node is `_:b`."""
    import pyoxigraph
    if isinstance(term, pyoxigraph.NamedNode):
        return nt_iri(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return "_:b"
    if term.language:
        return nt_quoted(term.value) + "@" + term.language.lower()
    if term.datatype.value != XSD_STRING:
        return nt_quoted(term.value) + "^^" + nt_iri(term.datatype.value)
    return nt_quoted(term.value)


def canonical(result, ordered):
    """(kind, lines, text): one line per row (`?var=term` pairs by variable name) or triple, sorted unless `ordered`."""
    import pyoxigraph
    if isinstance(result, pyoxigraph.QueryBoolean):
        return "boolean", ["true" if bool(result) else "false"], ("true\n" if bool(result) else "false\n")
    if isinstance(result, pyoxigraph.QueryTriples):
        kind = "graph"
        lines = [f"{nt_term(t.subject)} {nt_term(t.predicate)} {nt_term(t.object)} ." for t in result]
    else:
        kind = "solutions"
        names = sorted((v.value, i) for i, v in enumerate(result.variables))
        lines = [" ".join(f"?{name}={nt_term(row[i])}" for name, i in names if row[i] is not None) for row in result]
    if not ordered:
        lines.sort()
    return kind, lines, "".join(line + "\n" for line in lines)


def fnv1a(text):
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


# --- the two engines ----------------------------------------------------------------------------------------------

def run_oxigraph(path, queries, answers_dir):
    """Times each query in-process: execute, iterate every row, build every term; one warm-up run gives the answer."""
    import pyoxigraph
    store = pyoxigraph.Store(path)
    results = {}
    for entry in queries:
        text, runs = entry["query"], entry["repeats"]
        try:
            kind, lines, canon = canonical(store.query(text), entry["ordered"])
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                result = store.query(text)
                if isinstance(result, pyoxigraph.QueryBoolean):
                    bool(result)
                elif isinstance(result, pyoxigraph.QueryTriples):
                    for triple in result:
                        triple.subject, triple.predicate, triple.object  # noqa: B018 (touch every value)
                else:
                    for row in result:
                        for _value in row:
                            pass
                times.append(time.perf_counter() - start)
            with open(os.path.join(answers_dir, entry["name"] + ".txt"), "w", encoding="utf-8") as out:
                out.write(canon)
            results[entry["name"]] = {"median_seconds": statistics.median(times), "rows": 1 if kind == "boolean" else len(lines),
                                      "kind": kind, "hash": fnv1a(canon)}
        except Exception as error:  # noqa: BLE001 (report and go on)
            results[entry["name"]] = {"error": f"{type(error).__name__}: {error}"}
    del store
    return results


def run_lodestar(store_dir, queries, work, answers_dir):
    spec = os.path.join(work, "queries.json")
    with open(spec, "w", encoding="utf-8") as out:
        json.dump(queries, out, indent=1)
    probe = subprocess.run([binary("query-benchmark"), store_dir, spec, "--answers", answers_dir, "--timeout", "60"],
                           check=True, capture_output=True, text=True, timeout=900)
    return json.loads(probe.stdout)["queries"]


def binary(name):
    return os.path.join(BUILD[-1], "release", name)


def load_both(source, work, label):
    """Fresh Lodestar and Oxigraph stores for `source`, with their load times."""
    lodestar_dir, oxigraph_dir = os.path.join(work, f"{label}-lodestar"), os.path.join(work, f"{label}-oxigraph")
    seconds = {}
    for engine, directory, command in (
            ("lodestar", lodestar_dir, [binary("lodestar"), "load", "--store", lodestar_dir, source]),
            ("oxigraph", oxigraph_dir, ["oxigraph", "load", "--location", oxigraph_dir, "--file", source])):
        shutil.rmtree(directory, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds[engine] = time.perf_counter() - start
    return lodestar_dir, oxigraph_dir, seconds


# --- comparing and printing ---------------------------------------------------------------------------------------

def compare(name, lodestar_dir, oxigraph_dir, is_describe):
    """'yes', or 'NO' plus a note saying how the answers differ (read from both answer files)."""
    def read(directory):
        with open(os.path.join(directory, name + ".txt"), encoding="utf-8") as lines:
            return lines.read().splitlines()
    ours, theirs = read(lodestar_dir), read(oxigraph_dir)
    if ours == theirs:
        return "yes", None
    a, b = set(ours), set(theirs)
    if is_describe:
        relation = "equal sets" if a == b else "Lodestar ⊂ Oxigraph" if a < b else "Oxigraph ⊂ Lodestar" if b < a else "overlapping"
        return ("yes" if a == b else "differs"), f"DESCRIBE: Lodestar {len(a)} triples, Oxigraph {len(b)} triples ({relation})"
    if a == b:
        return "NO", f"same rows, different multiplicity or order ({len(ours)} vs {len(theirs)} lines)"
    only_ours, only_theirs = sorted(a - b), sorted(b - a)
    note = f"{len(only_ours)} lines only in Lodestar, {len(only_theirs)} only in Oxigraph"
    if only_ours:
        note += f"\n      Lodestar only: {only_ours[0][:220]}"
    if only_theirs:
        note += f"\n      Oxigraph only: {only_theirs[0][:220]}"
    return "NO", note


def report(label, queries, ours, theirs, answers):
    print(f"\n== {label} ==")
    print(f"{'query':28} {'rows':>12} {'Lodestar ms':>12} {'Oxigraph ms':>12} {'ratio':>8}  equal?")
    ratios, notes = [], []
    for entry in queries:
        name = entry["name"]
        a, b = ours.get(name, {"error": "missing"}), theirs.get(name, {"error": "missing"})
        if "error" in a or "error" in b:
            rows = str(b.get("rows", "-"))
            la = "error" if "error" in a else f"{a['median_seconds'] * 1e3:.3f}"
            lb = "error" if "error" in b else f"{b['median_seconds'] * 1e3:.3f}"
            print(f"{name:28} {rows:>12} {la:>12} {lb:>12} {'-':>8}  -")
            notes.append(f"{name}: " + "; ".join(f"{who} {r['error']}" for who, r in (("Lodestar", a), ("Oxigraph", b)) if "error" in r))
            continue
        rows = str(a["rows"]) if a["rows"] == b["rows"] else f"{a['rows']}/{b['rows']}"
        ratio = a["median_seconds"] / b["median_seconds"] if b["median_seconds"] else float("inf")
        ratios.append((ratio, name))
        equal, note = ("yes", None) if a["hash"] == b["hash"] else compare(
            name, answers["lodestar"], answers["oxigraph"], "DESCRIBE" in entry["query"])
        if note:
            notes.append(f"{name}: {note}")
        print(f"{name:28} {rows:>12} {a['median_seconds'] * 1e3:12.3f} {b['median_seconds'] * 1e3:12.3f} {ratio:8.2f}  {equal}")
    if ratios:
        geomean = math.exp(sum(math.log(r) for r, _ in ratios) / len(ratios))
        worst = max(ratios)
        print(f"geometric-mean ratio (Lodestar/Oxigraph): {geomean:.2f} over {len(ratios)} queries; "
              f"worst: {worst[1]} ({worst[0]:.2f}x)")
    for note in notes:
        print(f"  note — {note}")


def run_dataset(label, source, queries, work):
    lodestar_dir, oxigraph_dir, load = load_both(source, work, label)
    answers = {engine: os.path.join(work, f"{label}-answers", engine) for engine in ("lodestar", "oxigraph")}
    for directory in answers.values():
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory)
    ours = run_lodestar(lodestar_dir, queries, work, answers["lodestar"])
    theirs = run_oxigraph(oxigraph_dir, queries, answers["oxigraph"])
    report(f"{label}: {source} (load: Lodestar {load['lodestar']:.1f} s, Oxigraph {load['oxigraph']:.1f} s)",
           queries, ours, theirs, answers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--work", default=None)
    parser.add_argument("--only", nargs="*", help="run only these query names")
    args = parser.parse_args()
    work = args.work or os.path.join(tempfile.gettempdir(), "lodestar-qbench")
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, f"data-{args.triples}.nt")
    if not os.path.exists(data):
        datagen.generate(data, args.triples)
    eira = os.path.join(os.environ.get("LODESTAR_SHARED", "../shared"), "data", "eira-skos", "EIRA_SKOS.rdf")

    subprocess.run(BUILD + ["--product", "lodestar"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(BUILD + ["--product", "query-benchmark"], check=True, stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    for label, source, queries in (("generated", data, query_mix.GENERATED), ("eira-skos", eira, query_mix.EIRA)):
        if args.only:
            queries = [q for q in queries if q["name"] in args.only]
        run_dataset(label, source, queries, work)
    print(f"\n(total {time.perf_counter() - started:.0f} s after the build; medians of 20 runs for fast queries, 5 for heavy "
          "ones, after one warm-up; Oxigraph timed in-process through pyoxigraph, Lodestar through query-benchmark)")


if __name__ == "__main__":
    main()

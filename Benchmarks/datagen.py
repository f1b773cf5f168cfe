"""Deterministic EIRA/ADMS-shaped N-Triples: solutions typed by dr8 ABBs, with publishers, licences, releases and
distributions, the shape of a Joinup catalogue. Used by every benchmark so both stores see the same bytes."""
import random

DR8 = "http://data.europa.eu/dr8/"
DCT = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
ADMS = "http://www.w3.org/ns/adms#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
BASE = "http://example.org/joinup/"
WORDS = ("interoperability public service registry catalogue semantic legal data exchange portal digital identity "
         "procurement health open licence archive platform network gateway").split()


def iri(value):
    return f"<{value}>"


def lit(value, lang=None, datatype=None):
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


def generate(path, count, seed=42):
    """Writes exactly `count` distinct triples to `path`."""
    rng = random.Random(seed)
    abbs = [f"{DR8}ABB{n}" for n in range(221)]
    views = [f"{DR8}view/{name}View" for name in ("Legal", "Organisational", "Semantic", "Technical", "Conceptual", "Integrated", "Governance", "Principles")]
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        def emit(s, p, o):
            nonlocal written
            if written < count:
                out.write(f"{s} {p} {o} .\n")
                written += 1

        for n, abb in enumerate(abbs):
            emit(iri(abb), iri(RDF_TYPE), iri(SKOS + "Concept"))
            emit(iri(abb), iri(SKOS + "prefLabel"), lit(f"Building block {n}", "en"))
            emit(iri(abb), iri(SKOS + "broader"), iri(abbs[n // 3]))
            emit(iri(abb), iri(SKOS + "related"), iri(abbs[rng.randrange(len(abbs))]))
            emit(iri(views[n % len(views)]), iri(SKOS + "member"), iri(abb))
        publishers = [f"{BASE}publisher/{n}" for n in range(500)]
        licences = [f"{BASE}licence/{n}" for n in range(40)]
        n = 0
        while written < count:
            solution = f"{BASE}solution/{n}"
            emit(iri(solution), iri(RDF_TYPE), iri(DCAT + "Dataset"))
            emit(iri(solution), iri(DCT + "title"), lit(f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} solution {n}", "en"))
            emit(iri(solution), iri(DCT + "description"), lit(" ".join(rng.choice(WORDS) for _ in range(12)), "en"))
            emit(iri(solution), iri(DCT + "type"), iri(rng.choice(abbs)))
            emit(iri(solution), iri(DCT + "publisher"), iri(rng.choice(publishers)))
            emit(iri(solution), iri(DCT + "modified"), lit(f"20{rng.randrange(10, 27)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", datatype=XSD + "date"))
            emit(iri(solution), iri(DCAT + "keyword"), lit(rng.choice(WORDS), "en"))
            release = f"{solution}/release/1"
            emit(iri(solution), iri(DCT + "hasVersion"), iri(release))
            emit(iri(release), iri(RDF_TYPE), iri(ADMS + "AssetRelease"))
            emit(iri(release), iri(DCT + "isVersionOf"), iri(solution))
            distribution = f"{release}/distribution"
            emit(iri(release), iri(DCAT + "distribution"), iri(distribution))
            emit(iri(distribution), iri(RDF_TYPE), iri(ADMS + "AssetDistribution"))
            emit(iri(distribution), iri(DCT + "license"), iri(rng.choice(licences)))
            emit(iri(distribution), iri(DCAT + "accessURL"), iri(f"{BASE}download/{n}.zip"))
            emit(iri(distribution), iri(DCAT + "byteSize"), lit(str(rng.randrange(1000, 10**8)), datatype=XSD + "integer"))
            n += 1
        for n, publisher in enumerate(publishers):
            if written >= count:
                break
            emit(iri(publisher), iri("http://xmlns.com/foaf/0.1/name"), lit(f"Publisher {n}"))
    return written


if __name__ == "__main__":
    import sys
    print(generate(sys.argv[1], int(sys.argv[2])))

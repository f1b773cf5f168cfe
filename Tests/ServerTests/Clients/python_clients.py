"""Real Python clients against a live Lodestar: SPARQLWrapper in every results format, rdflib parsing our graphs,
rdflib's SPARQLStore, and an update through SPARQLWrapper with Basic credentials.

Usage: python3 python_clients.py BASE_URL TOKEN
Prints one JSON object: what each client got, for the Swift test to compare with the store.
"""

import csv
import io
import json
import re
import subprocess
import sys
import urllib.parse
import urllib.request

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import BASIC, CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper

base, token = sys.argv[1], sys.argv[2]
endpoint = base + "/sparql"
names = "SELECT ?name WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name"
graph_query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
report = {}


def wrapper(query, return_format, method=None):
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    if method:
        client.setMethod(method)
    return client.query()


# SELECT, in each results format SPARQLWrapper knows, parsed by SPARQLWrapper or the standard library.
bindings = wrapper(names, JSON).convert()["results"]["bindings"]
report["json"] = [row["name"]["value"] for row in bindings]
report["jsonLanguages"] = [row["name"].get("xml:lang") for row in bindings]
document = wrapper(names, XML).convert()
report["xml"] = [node.firstChild.firstChild.nodeValue for node in document.getElementsByTagName("binding")]
rows = list(csv.reader(io.StringIO(wrapper(names, CSV).convert().decode("utf-8"))))
report["csvHeader"] = rows[0]
report["csv"] = [row[0] for row in rows[1:]]
lines = wrapper(names, TSV).convert().decode("utf-8").splitlines()
report["tsvHeader"] = lines[0]
report["tsv"] = lines[1:]
report["jsonByPost"] = [row["name"]["value"] for row in wrapper(names, JSON, POST).convert()["results"]["bindings"]]
report["ask"] = wrapper("ASK { ?s <http://xmlns.com/foaf/0.1/name> \"Alice\" }", JSON).convert()["boolean"]

# CONSTRUCT as Turtle, RDF/XML and JSON-LD, each parsed by rdflib.
turtle = rdflib.Graph().parse(data=wrapper(graph_query, TURTLE).convert(), format="turtle")
# SPARQLWrapper itself parses RDF/XML and JSON-LD into rdflib graphs.
rdfxml = wrapper(graph_query, XML).convert()
jsonld = wrapper(graph_query, JSONLD).convert()
report["turtleTriples"] = len(turtle)
report["rdfxmlTriples"] = len(rdfxml)
report["jsonldTriples"] = len(jsonld)
report["graphsAgree"] = set(turtle) == set(rdfxml) == set(jsonld)
report["turtleHasAlice"] = (
    rdflib.URIRef("http://example.org/alice"),
    rdflib.URIRef("http://xmlns.com/foaf/0.1/name"),
    rdflib.Literal("Alice"),
) in turtle

# rapper (raptor's command line) counts the triples of our graphs in each syntax it reads.
rapper_counts = {}
for media_type, syntax in [("text/turtle", "turtle"), ("application/rdf+xml", "rdfxml"), ("application/n-triples", "ntriples"),
                           ("application/n-quads", "nquads"), ("application/trig", "trig")]:
    request = urllib.request.Request(endpoint + "?query=" + urllib.parse.quote(graph_query), headers={"Accept": media_type})
    body = urllib.request.urlopen(request).read()
    checked = subprocess.run(["rapper", "-i", syntax, "-c", "-", "http://lodestar.test/"], input=body, capture_output=True)
    found = re.search(rb"returned (\d+) (triples|statements)", checked.stderr)
    rapper_counts[syntax] = int(found.group(1)) if checked.returncode == 0 and found else checked.stderr.decode("utf-8", "replace")
report["rapper"] = rapper_counts

# rdflib's remote store: the way rdflib users query an endpoint.
remote = rdflib.Graph(store=SPARQLStore(endpoint))
report["sparqlStore"] = sorted(str(row[0]) for row in remote.query(names))

# An update through SPARQLWrapper, with the token as the Basic password; then read back.
update = SPARQLWrapper(base + "/update")
update.setMethod(POST)
update.setRequestMethod(POSTDIRECTLY)
update.setHTTPAuth(BASIC)
update.setCredentials("lodestar", token)
update.setQuery('INSERT DATA { <http://example.org/carol> <http://xmlns.com/foaf/0.1/name> "Carol" }')
report["updateStatus"] = update.query().response.status
report["afterUpdate"] = [row["name"]["value"] for row in wrapper(names, JSON).convert()["results"]["bindings"]]

print(json.dumps(report))

"""The catalogue query mix of issue 3 (item 8), written once per dataset shape for Benchmarks/queries.py.

Each query is a dict: `name`, `query`, `repeats` (timed runs after one warm-up: 20 for fast queries, 5 for heavy ones)
and `ordered` (true when ORDER BY is total, so answers are compared in order rather than as sorted multisets).
`GENERATED` fits datagen.py's data (ABBs ABB0…ABB220, views `…/view/LegalView`…, dcat:Dataset solutions with releases,
distributions and licences); `EIRA` fits the real EIRA SKOS edition (221 concepts with prefLabel, definition,
notation, dct:identifier, 418 skos:related, 127 skos:broader, 8 collections, 58 deprecated with dct:replaces).
"""

PREFIXES = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX adms: <http://www.w3.org/ns/adms#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dr8: <http://data.europa.eu/dr8/>
"""

FAST, HEAVY = 20, 5


def q(name, body, repeats=FAST, ordered=False):
    return {"name": name, "query": PREFIXES + body, "repeats": repeats, "ordered": ordered}


GENERATED = [
    q("puri", "SELECT ?p ?o WHERE { dr8:ABB42 ?p ?o }"),
    q("view-members", "SELECT ?abb ?label WHERE { <http://data.europa.eu/dr8/view/LegalView> skos:member ?abb . "
                      "?abb skos:prefLabel ?label }"),
    q("broader-star", "SELECT ?ancestor ?label WHERE { dr8:ABB200 skos:broader* ?ancestor . ?ancestor skos:prefLabel ?label }"),
    q("broader-closure", "SELECT ?abb ?ancestor WHERE { ?abb skos:broader+ ?ancestor }"),
    q("related-2-hops", "SELECT DISTINCT ?other ?label WHERE { dr8:ABB7 (skos:related|^skos:related)/(skos:related|^skos:related) ?other . "
                        "?other skos:prefLabel ?label FILTER(?other != dr8:ABB7) }"),
    q("solutions-of-abb", "SELECT ?s ?title ?publisher ?licence WHERE { ?s dct:type dr8:ABB42 ; dct:title ?title ; "
                          "dct:publisher ?publisher ; dct:hasVersion/dcat:distribution/dct:license ?licence }"),
    q("count-per-view", "SELECT ?view (COUNT(?s) AS ?n) WHERE { ?view skos:member ?abb . ?s dct:type ?abb } GROUP BY ?view",
      HEAVY),
    q("licences-per-abb", "SELECT ?abb (COUNT(DISTINCT ?licence) AS ?n) WHERE { ?s dct:type ?abb ; "
                          "dct:hasVersion/dcat:distribution/dct:license ?licence } GROUP BY ?abb", HEAVY),
    q("group-having", "SELECT ?publisher (COUNT(?s) AS ?n) WHERE { ?s a dcat:Dataset ; dct:publisher ?publisher } "
                      "GROUP BY ?publisher HAVING (COUNT(?s) > 135)", HEAVY),
    q("optional-listing", """SELECT ?s ?title ?keyword ?modified ?licence ?size ?publisherName ?spatial WHERE {
  <http://data.europa.eu/dr8/view/LegalView> skos:member ?abb . ?s dct:type ?abb ; dct:title ?title .
  OPTIONAL { ?s dcat:keyword ?keyword }
  OPTIONAL { ?s dct:modified ?modified }
  OPTIONAL { ?s dct:hasVersion ?release . ?release dcat:distribution ?d .
             OPTIONAL { ?d dct:license ?licence } OPTIONAL { ?d dcat:byteSize ?size } }
  OPTIONAL { ?s dct:publisher ?publisher . ?publisher foaf:name ?publisherName }
  OPTIONAL { ?s dct:spatial ?spatial }
}""", HEAVY),
    q("regex-title", 'SELECT ?s ?title WHERE { ?s dct:title ?title FILTER(regex(?title, "^portal gateway", "i")) }', HEAVY),
    q("page-by-modified", "SELECT ?s ?title ?modified WHERE { ?s a dcat:Dataset ; dct:title ?title ; dct:modified ?modified } "
                          "ORDER BY DESC(?modified) ?s LIMIT 20 OFFSET 40", HEAVY, ordered=True),
    q("not-exists", "SELECT ?abb WHERE { ?abb a skos:Concept FILTER NOT EXISTS { ?other skos:related ?abb } }"),
    q("ask", "ASK { ?s dct:type dr8:ABB42 ; dct:publisher <http://example.org/joinup/publisher/7> }"),
    q("describe", "DESCRIBE <http://example.org/joinup/solution/123>"),
    q("construct", """CONSTRUCT { ?s dct:title ?title ; dcat:theme ?abb . ?abb skos:prefLabel ?label } WHERE {
  <http://data.europa.eu/dr8/view/LegalView> skos:member ?abb . ?abb skos:prefLabel ?label .
  ?s dct:type ?abb ; dct:title ?title }""", HEAVY),
]

EIRA = [
    q("puri", "SELECT ?p ?o WHERE { dr8:PublicPolicy ?p ?o }"),
    q("view-members", "SELECT ?abb ?label WHERE { <http://data.europa.eu/dr8/view/TechnicalView-Infrastructure> skos:member ?abb . "
                      "?abb skos:prefLabel ?label }"),
    q("broader-star", "SELECT ?ancestor ?label WHERE { dr8:CoreDataModel skos:broader* ?ancestor . "
                      "OPTIONAL { ?ancestor skos:prefLabel ?label } }"),
    q("broader-closure", "SELECT ?abb ?ancestor WHERE { ?abb skos:broader+ ?ancestor }"),
    q("broader-star-all", "SELECT (COUNT(*) AS ?n) WHERE { ?x skos:broader* ?y }"),
    q("related-2-hops", "SELECT DISTINCT ?other ?label WHERE { dr8:PublicPolicy skos:related/skos:related ?other . "
                        "?other skos:prefLabel ?label FILTER(?other != dr8:PublicPolicy) }"),
    # No solutions in this file: the same join shape over what it has (concepts related to an ABB, their views, the
    # scheme's licence).
    q("related-with-view-licence", "SELECT ?c ?id ?view ?licence WHERE { ?abb skos:notation \"PublicPolicy\" . "
                                   "?c skos:related ?abb ; dct:identifier ?id . ?view skos:member ?c . "
                                   "?scheme a skos:ConceptScheme ; dct:license ?licence }"),
    q("count-per-view", "SELECT ?view (COUNT(?m) AS ?n) WHERE { ?view a skos:Collection ; skos:member ?m } GROUP BY ?view"),
    q("group-having", "SELECT ?c (COUNT(?r) AS ?n) WHERE { ?c skos:related ?r } GROUP BY ?c HAVING (COUNT(?r) >= 4)"),
    q("optional-listing", """SELECT ?c ?label ?id ?notation ?broader ?deprecated ?replaces ?top ?view WHERE {
  ?c a skos:Concept ; skos:prefLabel ?label .
  OPTIONAL { ?c dct:identifier ?id } OPTIONAL { ?c skos:notation ?notation } OPTIONAL { ?c skos:broader ?broader }
  OPTIONAL { ?c owl:deprecated ?deprecated } OPTIONAL { ?c dct:replaces ?replaces }
  OPTIONAL { ?c skos:topConceptOf ?top } OPTIONAL { ?view skos:member ?c }
}"""),
    q("regex-label", 'SELECT ?c ?label WHERE { ?c skos:prefLabel ?label FILTER(regex(?label, "service$", "i")) }'),
    q("regex-definition", 'SELECT ?c WHERE { ?c skos:definition ?d FILTER(regex(?d, "eidas|e-signature", "i")) }'),
    q("page-by-label", "SELECT ?c ?label WHERE { ?c a skos:Concept ; skos:prefLabel ?label } "
                       "ORDER BY ?label ?c LIMIT 20 OFFSET 40", ordered=True),
    q("not-exists", "SELECT ?c WHERE { ?c owl:deprecated true FILTER NOT EXISTS { ?successor dct:replaces ?c } }"),
    q("ask", "ASK { dr8:PublicPolicy skos:related/skos:related dr8:LegalAct }"),
    q("describe", "DESCRIBE dr8:PublicPolicy"),
    q("construct", """CONSTRUCT { ?c skos:broaderTransitive ?a ; skos:prefLabel ?label } WHERE {
  ?c skos:broader+ ?a ; skos:prefLabel ?label }"""),
]

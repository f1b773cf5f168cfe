# Joinup pass 38: dcat:mediaType folds into dct:format, which has at most one value: a distribution without a
# format and with exactly one media type gets it as its format; every media type is then removed.
INSERT { ?s dct:format ?media }
WHERE {
  { SELECT ?s (SAMPLE(?value) AS ?media) WHERE { ?s a dcat:Distribution ; dcat:mediaType ?value . }
    GROUP BY ?s HAVING (COUNT(?value) = 1) }
  FILTER NOT EXISTS { ?s dct:format ?existing }
} ;
DELETE { ?s dcat:mediaType ?value }
WHERE { ?s a dcat:Distribution ; dcat:mediaType ?value . }

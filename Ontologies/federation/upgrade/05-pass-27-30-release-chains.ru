# Joinup passes 27–30: ADMS v1 chained an asset's releases with adms:next/adms:prev/adms:last. The first asset of a
# chain (nothing points to it with adms:next, it has no adms:prev) becomes the solution; every later asset in the
# chain becomes its release (dct:hasVersion from the solution, dct:isVersionOf back). The chain properties go.
INSERT { ?root dct:hasVersion ?release . ?release dct:isVersionOf ?root }
WHERE {
  ?root a dcat:Dataset .
  ?root (adms:next|^adms:prev)+ ?release .
  FILTER NOT EXISTS { ?root adms:prev ?before }
  FILTER NOT EXISTS { ?earlier adms:next ?root }
  FILTER (?release != ?root)
} ;
DELETE { ?s ?p ?o }
WHERE {
  VALUES ?p { adms:next adms:prev adms:last }
  ?s ?p ?o .
}

# Joinup pass 11: the Publisher class became foaf:Agent. A subject typed with the v1 publisher class
# (dct:publisher used as a class, or dct:Agent) is retyped foaf:Agent.
DELETE { ?s a ?old } INSERT { ?s a foaf:Agent }
WHERE {
  VALUES ?old { dct:publisher dct:Agent }
  ?s a ?old .
}

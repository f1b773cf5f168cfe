# Joinup's remove_unsupported_data: keep what ADMS-AP governs and drop the rest (the harvest report counts it).
# Kept: every statement about a solution or release (dcat:Dataset), distribution, catalogue, publisher (foaf:Agent),
# contact point (v:Kind), licence (dct:LicenseDocument), vocabulary term (skos:Concept) or checksum, or any other class
# ADMS-AP's rules name as a range (v:Email, dct:Location…); and about an untyped node such a subject points at (a
# blank-node address, say). Runs after the v1→v2 upgrade.
DELETE { ?s ?p ?o }
WHERE {
  ?s ?p ?o .
  FILTER NOT EXISTS {
    VALUES ?kept { dcat:Dataset dcat:Distribution dcat:Catalog foaf:Agent v:Kind v:Email v:Address dct:LicenseDocument
                    skos:Concept skos:ConceptScheme spdx:Checksum dct:Location dct:LinguisticSystem dct:MediaTypeOrExtent foaf:Document }
    ?s a ?kept .
  }
  FILTER (EXISTS { ?s a ?anyType } || NOT EXISTS {
    VALUES ?parentClass { dcat:Dataset dcat:Distribution dcat:Catalog foaf:Agent v:Kind v:Email v:Address dct:LicenseDocument
                    skos:Concept skos:ConceptScheme spdx:Checksum dct:Location dct:LinguisticSystem dct:MediaTypeOrExtent foaf:Document }
    ?parent a ?parentClass ; ?link ?s .
  })
}

# Joinup passes 1–3: the ADMS v1 classes become their DCAT counterparts (ADMS-AP v2 is a DCAT-AP profile).
# adms:Asset → dcat:Dataset, adms:AssetDistribution → dcat:Distribution, adms:AssetRepository → dcat:Catalog.
DELETE { ?s a ?old } INSERT { ?s a ?new }
WHERE {
  VALUES (?old ?new) {
    (adms:Asset dcat:Dataset)
    (adms:AssetDistribution dcat:Distribution)
    (adms:AssetRepository dcat:Catalog)
  }
  ?s a ?old .
}

# Joinup pass 37: dcat:downloadURL served the same purpose as dcat:accessURL in ADMS-AP v2; its values become
# access URLs (once), then the property is removed.
INSERT { ?s dcat:accessURL ?url }
WHERE {
  ?s a dcat:Distribution ; dcat:downloadURL ?url .
  FILTER NOT EXISTS { ?s dcat:accessURL ?url }
} ;
DELETE { ?s dcat:downloadURL ?url }
WHERE { ?s a dcat:Distribution ; dcat:downloadURL ?url . }

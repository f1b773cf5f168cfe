# Joinup pass 50: adms:supportedSchema was removed from the repository class (a schema is an asset of its own).
DELETE { ?s adms:supportedSchema ?o }
WHERE { ?s adms:supportedSchema ?o }

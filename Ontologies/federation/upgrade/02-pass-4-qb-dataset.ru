# Joinup pass 4: the qb:Dataset type is removed (the subject keeps its other types).
DELETE { ?s a <http://purl.org/linked-data/cube#Dataset> }
WHERE { ?s a <http://purl.org/linked-data/cube#Dataset> }

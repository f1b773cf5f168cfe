# Joinup passes 76–79: contact points. v:VCard becomes v:Kind; v:formattedName becomes v:fn; v:email and v:Email
# (used as a property) become v:hasEmail; v:url becomes v:hasURL.
DELETE { ?s a v:VCard } INSERT { ?s a v:Kind } WHERE { ?s a v:VCard } ;
DELETE { ?s ?old ?o } INSERT { ?s ?new ?o }
WHERE {
  VALUES (?old ?new) {
    (v:formattedName v:fn)
    (v:email v:hasEmail)
    (v:Email v:hasEmail)
    (v:url v:hasURL)
  }
  ?s ?old ?o .
}

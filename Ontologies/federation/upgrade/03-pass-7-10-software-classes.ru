# Joinup passes 7–10: the ADMS.SW classes (SoftwarePackage, SoftwareProject, SoftwareRelease, SoftwareRepository)
# were removed from the profile; what they described is a solution, so it becomes a dcat:Dataset.
DELETE { ?s a ?type } INSERT { ?s a dcat:Dataset }
WHERE {
  VALUES ?type {
    <http://purl.org/adms/sw/SoftwarePackage> <http://purl.org/adms/sw/SoftwareProject>
    <http://purl.org/adms/sw/SoftwareRelease> <http://purl.org/adms/sw/SoftwareRepository>
  }
  ?s a ?type .
}

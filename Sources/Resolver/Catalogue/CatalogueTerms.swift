import RDF

/// The DCAT, ADMS, vCard and Lodestar terms the catalogue's pages read (ADMS-AP 2.0: https://semiceu.github.io/ADMS-AP/).
enum CatalogueTerms {
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let adms = "http://www.w3.org/ns/adms#"
    static let vcard = "http://www.w3.org/2006/vcard/ns#"

    static let dataset = IRI(dcat + "Dataset")
    static let asset = IRI(adms + "Asset")
    static let distribution = IRI(dcat + "distribution")
    static let contactPoint = IRI(dcat + "contactPoint")
    static let keyword = IRI(dcat + "keyword")
    static let theme = IRI(dcat + "theme")
    static let downloadURL = IRI(dcat + "downloadURL")
    static let accessURL = IRI(dcat + "accessURL")
    static let landingPage = IRI(dcat + "landingPage")
    static let hasVersion = IRI(DCTerms.namespace + "hasVersion")
    static let format = IRI(DCTerms.namespace + "format")
    static let issued = IRI(DCTerms.namespace + "issued")
    static let versionInfo = IRI(OWL.namespace + "versionInfo")
    static let vcardName = IRI(vcard + "fn")
    static let hasEmail = IRI(vcard + "hasEmail")
    static let foafName = IRI("http://xmlns.com/foaf/0.1/name")

    /// The classes whose resources a page shows as a solution.
    static let solutionClasses: Set<IRI> = [dataset, asset]

    /// The objects whose own triples a resource's document carries too (a solution's distributions, contact points,
    /// releases and publisher), so that its page shows their licences, download links and names without a lookup.
    static let detailPredicates = [distribution, contactPoint, hasVersion, DCTerms.publisher]

    /// Graphs the federation writes: one per harvested source, and one holding each harvest's provenance.
    static let sourceGraphPrefix = "https://w3id.org/lodestar/graph/source/"
    static let provenanceGraph = IRI("https://w3id.org/lodestar/graph/federation/provenance")

    /// The EIRA's own IRIs for its building blocks, which solutions may use in `dct:type` instead of a dr8 PURI.
    static let eiraBase = "http://data.europa.eu/eira/"
}

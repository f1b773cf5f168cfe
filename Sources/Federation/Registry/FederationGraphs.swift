public import RDF

/// The graphs federation writes: the source registry, each source's data, its previous version, and provenance.
public enum FederationGraphs {
    public static let sources = IRI("https://w3id.org/lodestar/graph/federation/sources")
    public static let provenance = IRI("https://w3id.org/lodestar/graph/federation/provenance")

    /// Where a source's published data lives.
    public static func source(_ name: String) -> IRI { IRI("https://w3id.org/lodestar/graph/source/\(name)") }

    /// The version a publish replaced, kept for one `harvest --rollback`.
    public static func previous(_ name: String) -> IRI { IRI("https://w3id.org/lodestar/graph/federation/previous/\(name)") }
}

/// The vocabularies federation reads and writes, by namespace.
enum NS {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let dct = "http://purl.org/dc/terms/"
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let adms = "http://www.w3.org/ns/adms#"
    static let foaf = "http://xmlns.com/foaf/0.1/"
    static let vcard = "http://www.w3.org/2006/vcard/ns#"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let prov = "http://www.w3.org/ns/prov#"
    static let spdx = "http://spdx.org/rdf/terms#"
    static let schema = "http://schema.org/"
    static let lodestar = "https://w3id.org/lodestar/ns#"

    /// The prefixes the rule table and the .ru/.rq files use.
    static let prefixes: [String: String] = [
        "rdf": rdf, "rdfs": rdfs, "xsd": xsd, "dct": dct, "dcat": dcat, "adms": adms, "foaf": foaf, "v": vcard,
        "vcard": vcard, "skos": skos, "owl": owl, "prov": prov, "spdx": spdx, "schema": schema, "lodestar": lodestar,
    ]

    static var sparqlPrologue: String {
        prefixes.sorted { $0.key < $1.key }.map { "PREFIX \($0.key): <\($0.value)>" }.joined(separator: "\n") + "\n"
    }

    /// Expands `dct:title` to its IRI; an unknown prefix is a programming error in the shipped files, reported by the caller.
    static func expand(_ name: String) -> String? {
        guard let colon = name.firstIndex(of: ":"), let namespace = prefixes[String(name[..<colon])] else { return nil }
        return namespace + name[name.index(after: colon)...]
    }
}

public import RDF

/// Lodestar's small ArchiMate vocabulary (`Ontologies/archimate.ttl`): one class per ArchiMate element type, one
/// property per relationship type. The exchange format's names map to it directly: element type `BusinessActor` is
/// `arch:BusinessActor`; relationship type `Aggregation` is `arch:aggregation`.
public enum ArchiMateVocabulary {
    public static let namespace = "https://w3id.org/lodestar/archimate#"

    /// The class of an element of ArchiMate type `name` (the exchange file's `xsi:type`, e.g. `BusinessActor`).
    public static func elementType(_ name: String) -> IRI { IRI(namespace + name) }

    /// The property of a relationship of ArchiMate type `name` (e.g. `Aggregation` → `arch:aggregation`).
    public static func relationship(_ name: String) -> IRI {
        guard let first = name.first else { return IRI(namespace) }
        return IRI(namespace + first.lowercased() + name.dropFirst())
    }
}

/// The EIRA's persistent-URI namespace and the IRIs Lodestar derives from it.
public enum EIRAVocabulary {
    /// The dr8 namespace of EIRA PURIs.
    public static let puriNamespace = "http://data.europa.eu/dr8/"

    /// Where the EIRA's view collections live (`http://data.europa.eu/dr8/view/LegalView`).
    public static let viewNamespace = puriNamespace + "view/"
}

import RDF

/// How pages link: served PURIs by their server path, other IRIs as they are, each shown by its label.
struct PageLinks {
    let namespaces: PURINamespaces

    /// The ArchiMate vocabulary the EIRA importer writes relations and element types in (Ontologies/).
    static let archiMate = "https://w3id.org/lodestar/archimate#"

    /// A link to `iri`, shown by `label` or, without one, by its local part.
    func link(_ iri: IRI, label: String?, note: String? = nil) -> [String: Any] {
        var link: [String: Any] = ["href": href(iri), "label": label ?? Self.localName(iri)]
        if let note { link["note"] = note }
        return link
    }

    /// The server path of a served PURI, else the IRI itself.
    func href(_ iri: IRI) -> String { namespaces.path(of: iri) ?? iri.value }

    /// The part of an IRI after its last `#` or `/` (or the local part for served PURIs, which may hold `/`).
    func shortName(_ iri: IRI) -> String {
        if let (_, local) = namespaces.locate(iri), !local.isEmpty { return local }
        return Self.localName(iri)
    }

    static func localName(_ iri: IRI) -> String {
        let value = iri.value
        guard let cut = value.lastIndex(where: { $0 == "#" || $0 == "/" }), value.index(after: cut) < value.endIndex else { return value }
        return String(value[value.index(after: cut)...])
    }

    /// `text` percent-encoded for a query string value (RFC 3986 unreserved characters stay).
    static func queryEncoded(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        var result = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }
}

import Foundation
import RDF

/// How pages link: served PURIs by their server path, every other IRI to its `/resource` page, each shown by its
/// label. Only `http(s)` and `mailto` IRIs ever link away from the server (issue 15: a `javascript:` IRI must never
/// become a live link); an IRI of any other scheme shows as text.
struct PageLinks {
    let namespaces: PURINamespaces

    /// The ArchiMate vocabulary the EIRA importer writes relations and element types in (Ontologies/).
    static let archiMate = "https://w3id.org/lodestar/archimate#"

    /// Schemes whose IRIs get a `/resource` page link; the others (`javascript:`, `data:`, …) show as text.
    static let pageSchemes: Set<String> = ["http", "https", "mailto", "urn", "tag"]
    /// Schemes a page may link to directly (download links, a resource's own web address).
    static let externalSchemes: Set<String> = ["http", "https", "mailto"]

    /// A link to `iri`, shown by `label` or, without one, by its local part; without `href` when the IRI must not
    /// be a link (the templates then print the label as text).
    func link(_ iri: IRI, label: String?, note: String? = nil) -> [String: Any] {
        // An empty label (a harvested `dct:title ""`) would be an invisible link: the IRI's name stands in.
        let label = label.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        var link: [String: Any] = ["label": label ?? Self.localName(iri)]
        let href = href(iri)
        link["linked"] = href != nil
        if let href { link["href"] = href }
        if let note { link["note"] = note }
        return link
    }

    /// The server path of a served PURI, else the `/resource` page of an IRI of a safe scheme, else `nil`.
    func href(_ iri: IRI) -> String? {
        if let path = namespaces.path(of: iri) { return path }
        guard let scheme = Self.scheme(of: iri), Self.pageSchemes.contains(scheme) else { return nil }
        return PURIDocument.resourcePath(iri, representation: nil)
    }

    /// The IRI itself as a link target if its scheme is `http`, `https` or `mailto`, else `nil`.
    static func externalHref(_ iri: IRI) -> String? {
        guard let scheme = scheme(of: iri), externalSchemes.contains(scheme) else { return nil }
        return iri.value
    }

    /// The lower-cased scheme of an IRI (RFC 3986 §3.1), or `nil` if it has none.
    static func scheme(of iri: IRI) -> String? {
        guard let colon = iri.value.firstIndex(of: ":") else { return nil }
        let scheme = iri.value[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return scheme.lowercased()
    }

    /// Where a page's header leads when the resource belongs to no served namespace: the first namespace's index.
    var home: String { namespaces.all.first.map { "/\($0.name)" } ?? "/" }

    /// A served PURI as `dr8/PublicPolicy`, else the IRI itself: what a replacement's link text shows beside its label.
    func puriName(_ iri: IRI) -> String {
        guard let (namespace, local) = namespaces.locate(iri) else { return iri.value }
        return local.isEmpty ? namespace.name : "\(namespace.name)/\(local)"
    }

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

public import RDF

/// Why the resolver cannot answer. `Server/Errors+HTTP.swift` maps these to statuses.
public enum ResolverError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `--puri NS=BASE` argument (or a namespace built in code) is malformed; the message says how.
    case invalidNamespace(String)
    /// The PURI is in a served namespace but nothing in the store mentions it; `suggestions` are the nearest known.
    case unknownPURI(IRI, suggestions: [IRI])
    /// No quad in the store uses the IRI (`/resource?iri=…`); `suggestions` are known IRIs that look alike.
    case unknownResource(IRI, suggestions: [IRI])
    /// None of the representations the client accepts exists; `offered` lists the media types that do.
    case notAcceptable(offered: [String])
    /// The path names a document extension the resolver does not write.
    case unknownExtension(String, offered: [String])

    public var description: String {
        switch self {
        case .invalidNamespace(let message): message
        case .unknownPURI(let iri, let suggestions):
            "nothing is known about \(iri.value)"
                + (suggestions.isEmpty ? "" : "; did you mean: " + suggestions.map(\.value).joined(separator: ", "))
        case .unknownResource(let iri, let suggestions):
            "no statement in the store uses \(iri.value)"
                + (suggestions.isEmpty ? "" : "; did you mean: " + suggestions.map(\.value).joined(separator: ", "))
        case .notAcceptable(let offered):
            "none of the types in Accept can be sent; this resource is available as: \(offered.joined(separator: ", "))"
        case .unknownExtension(let ext, let offered):
            "'.\(ext)' is not a document format here; use one of: \(offered.map { "." + $0 }.joined(separator: ", "))"
        }
    }
}

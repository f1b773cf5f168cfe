/// The RDF syntaxes Lodestar reads and writes. The only place that spells their media types and file extensions
/// (STYLE.md §5; compare oxigraph's lib/oxrdfio/src/format.rs).
///
/// The order of the cases is the order the server prefers them when a client accepts several equally.
public enum RDFFormat: String, CaseIterable, Hashable, Sendable {
    /// Turtle (https://www.w3.org/TR/turtle/).
    case turtle
    /// N-Triples (https://www.w3.org/TR/n-triples/).
    case ntriples
    /// N-Quads (https://www.w3.org/TR/n-quads/).
    case nquads
    /// TriG (https://www.w3.org/TR/trig/).
    case trig
    /// RDF/XML (https://www.w3.org/TR/rdf-syntax-grammar/).
    case rdfxml
    /// JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/).
    case jsonLD = "jsonld"

    /// The registered media type, without parameters.
    public var mediaType: String {
        switch self {
        case .turtle: "text/turtle"
        case .ntriples: "application/n-triples"
        case .nquads: "application/n-quads"
        case .trig: "application/trig"
        case .rdfxml: "application/rdf+xml"
        case .jsonLD: "application/ld+json"
        }
    }

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .turtle: "ttl"
        case .ntriples: "nt"
        case .nquads: "nq"
        case .trig: "trig"
        case .rdfxml: "rdf"
        case .jsonLD: "jsonld"
        }
    }

    /// The W3C "unique URI for a format" (https://www.w3.org/ns/formats/), as used in service descriptions.
    public var formatIRI: String {
        switch self {
        case .turtle: "http://www.w3.org/ns/formats/Turtle"
        case .ntriples: "http://www.w3.org/ns/formats/N-Triples"
        case .nquads: "http://www.w3.org/ns/formats/N-Quads"
        case .trig: "http://www.w3.org/ns/formats/TriG"
        case .rdfxml: "http://www.w3.org/ns/formats/RDF_XML"
        case .jsonLD: "http://www.w3.org/ns/formats/JSON-LD"
        }
    }

    /// True for the formats that carry graph names (N-Quads, TriG, JSON-LD). The others describe one graph.
    public var supportsGraphs: Bool { self == .nquads || self == .trig || self == .jsonLD }

    /// Other media types clients send in `Accept` for this format (content negotiation offers them too).
    public var acceptedAliases: [String] {
        switch self {
        case .turtle: ["application/x-turtle", "application/turtle", "text/n3"]
        case .ntriples: ["text/plain"]
        case .nquads: ["text/x-nquads"]
        case .trig: ["application/x-trig"]
        case .rdfxml: ["application/xml", "text/xml"]
        case .jsonLD: ["application/json"]
        }
    }

    /// The `Content-Type` value: the media type, with `charset=utf-8` for `text/*` types.
    public var contentType: String { mediaType.hasPrefix("text/") ? mediaType + "; charset=utf-8" : mediaType }

    /// An `Accept` header for fetching RDF: `preferred` first, `acceptable` at q=0.9, then anything at q=0.1 (a server
    /// that knows no RDF type may still send RDF, and the reader then goes by the document's name).
    public static func acceptHeader(preferring preferred: [RDFFormat], then acceptable: [RDFFormat] = []) -> String {
        (preferred.map(\.mediaType) + acceptable.map { $0.mediaType + ";q=0.9" } + ["*/*;q=0.1"]).joined(separator: ", ")
    }

    /// The format of a media type such as `text/turtle; charset=UTF-8`. Parameters are ignored and case does not matter.
    ///
    /// Accepts the registered types plus the aliases still seen in the wild: `application/x-turtle`,
    /// `text/x-nquads`, `application/x-trig` and `application/xml` (for RDF/XML). `text/plain` is not taken for N-Triples.
    public init?(mediaType: String) {
        let essence = mediaType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        switch essence.trimmingSpaces.lowercased() {
        case "text/turtle", "application/x-turtle": self = .turtle
        case "application/n-triples": self = .ntriples
        case "application/n-quads", "text/x-nquads": self = .nquads
        case "application/trig", "application/x-trig": self = .trig
        case "application/rdf+xml", "application/xml": self = .rdfxml
        case "application/ld+json": self = .jsonLD
        default: return nil
        }
    }

    /// The format of a file extension (without the dot, any case): `ttl`, `nt`, `nq`, `trig`, `rdf`, `owl`, `xml`, `rdfxml`, `jsonld`,
    /// and the spelled-out `turtle`, `ntriples`, `nquads`.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "ttl", "turtle": self = .turtle
        case "nt", "ntriples": self = .ntriples
        case "nq", "nquads": self = .nquads
        case "trig": self = .trig
        case "rdf", "owl", "xml", "rdfxml": self = .rdfxml
        case "jsonld": self = .jsonLD
        default: return nil
        }
    }

    /// The format of a file, from the extension of its name (`data/eira.ttl` is Turtle).
    public init?(fileName: String) {
        let name = fileName.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(fileExtension: String(name[name.index(after: dot)...]))
    }

    /// The syntax of a document fetched from `url`: its `Content-Type` when that names an RDF syntax, else the
    /// extension of the URL's path, a trailing `.gz` skipped (`/dumps/all.nq.gz` is N-Quads). Generic types such as
    /// `text/plain` or `application/octet-stream` name none, so the extension decides. Used by LOAD and harvests alike.
    public init?(contentType: String?, url: String) {
        if let contentType, let format = RDFFormat(mediaType: contentType) {
            self = format
            return
        }
        // The path: after the authority, before any query or fragment.
        var path = Substring(url)
        if let colon = path.firstIndex(of: ":"), path[colon...].hasPrefix("://") {
            let authority = path[path.index(colon, offsetBy: 3)...]
            path = authority.firstIndex(of: "/").map { authority[$0...] } ?? ""
        }
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        if path.hasSuffix(".gz") { path = path.dropLast(3) }
        self.init(fileName: String(path))
    }

    /// The format a user names on the command line: `turtle`/`ttl`, `ntriples`/`nt`, `nquads`/`nq`, `trig`,
    /// `rdfxml`/`rdf`/`xml`, `jsonld`/`json-ld`. Case does not matter.
    public init?(name: String) {
        switch name.lowercased() {
        case "turtle", "ttl": self = .turtle
        case "ntriples", "nt", "n-triples": self = .ntriples
        case "nquads", "nq", "n-quads": self = .nquads
        case "trig": self = .trig
        case "rdfxml", "rdf", "xml", "rdf/xml": self = .rdfxml
        case "jsonld", "json-ld": self = .jsonLD
        default: return nil
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

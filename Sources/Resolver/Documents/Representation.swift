public import RDF

/// A representation of a PURI's document: the HTML page or an RDF syntax. Each has the file extension its
/// `/doc/{ns}/{local}.{ext}` URL ends in.
public enum Representation: Hashable, Sendable {
    case html
    case graph(RDFFormat)

    /// In the order negotiation prefers them at equal quality: HTML first (browsers, and clients without `Accept`),
    /// then Turtle (what `*/*`-sending RDF tools get when they also name `text/html` lower).
    public static let all: [Representation] = [.html, .graph(.turtle), .graph(.rdfxml), .graph(.ntriples), .graph(.jsonLD), .graph(.nquads), .graph(.trig)]

    /// The media type without parameters.
    public var mediaType: String {
        switch self {
        case .html: "text/html"
        case .graph(let format): format.mediaType
        }
    }

    /// The `Content-Type` value: `charset=utf-8` for `text/*` types.
    public var contentType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .graph(let format): format.contentType
        }
    }

    /// The extension of the document URL, without the dot (`html`, `ttl`, `rdf`, `nt`, `jsonld`, `nq`, `trig`).
    public var fileExtension: String {
        switch self {
        case .html: "html"
        case .graph(let format): format.fileExtension
        }
    }

    /// True if the syntax carries graph names: the document's quads stay grouped by graph.
    public var keepsGraphs: Bool {
        switch self {
        case .html, .graph(.jsonLD): false
        case .graph(let format): format.supportsGraphs
        }
    }

    /// The representation a document URL's extension names, or `nil`.
    public init?(fileExtension: String) {
        guard let match = Self.all.first(where: { $0.fileExtension == fileExtension }) else { return nil }
        self = match
    }

    /// The representation `accept` prefers (RFC 9110 §12.5.1: q-values, then the most specific range), HTML when
    /// there is no `Accept` header.
    /// - Throws: `ResolverError.notAcceptable` listing every media type offered.
    public static func negotiate(accept: String?) throws(ResolverError) -> Representation {
        guard let offer = ContentNegotiation.choose(from: offers, accept: accept) else {
            throw .notAcceptable(offered: all.map(\.mediaType))
        }
        return offer.value
    }

    private static let offers = Offers<Representation>(all.map { Offer($0.mediaType, aliases: $0.aliases, value: $0) })

    private var aliases: [String] {
        switch self {
        case .html: ["application/xhtml+xml"]
        case .graph(let format): format.acceptedAliases
        }
    }
}

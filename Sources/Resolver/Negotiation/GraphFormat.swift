public import Redland

/// An RDF syntax the server reads and writes: raptor's formats plus JSON-LD, which the `RDF` module handles in Swift.
public enum GraphFormat: Hashable, Sendable {
    case rdf(RDFFormat)
    /// JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/).
    case jsonLD

    /// Every format, in the order the server prefers them when a client accepts several equally.
    public static let all: [GraphFormat] = [.rdf(.turtle), .rdf(.ntriples), .rdf(.nquads), .rdf(.trig), .rdf(.rdfxml), .jsonLD]

    /// The registered media type, without parameters. (`RDFFormat` spells raptor's; JSON-LD's is spelled only here.)
    public var mediaType: String {
        switch self {
        case .rdf(let format): format.mediaType
        case .jsonLD: "application/ld+json"
        }
    }

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .rdf(let format): format.fileExtension
        case .jsonLD: "jsonld"
        }
    }

    /// The W3C format IRI (https://www.w3.org/ns/formats/), for service descriptions.
    public var formatIRI: String {
        switch self {
        case .rdf(let format): format.formatIRI
        case .jsonLD: "http://www.w3.org/ns/formats/JSON-LD"
        }
    }

    /// True for formats that carry graph names.
    public var supportsGraphs: Bool {
        switch self {
        case .rdf(let format): format.supportsGraphs
        case .jsonLD: true
        }
    }

    /// The format of a request's `Content-Type` (parameters ignored), or `nil` if no parser reads it.
    public init?(mediaType: String) {
        if let format = RDFFormat(mediaType: mediaType) {
            self = .rdf(format)
            return
        }
        let essence = mediaType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard essence.trimmed.lowercased() == "application/ld+json" else { return nil }
        self = .jsonLD
    }

    /// Other media types clients send in `Accept` for this format.
    package var aliases: [String] {
        switch self {
        case .rdf(.turtle): ["application/x-turtle", "application/turtle", "text/n3"]
        case .rdf(.ntriples): ["text/plain"]
        case .rdf(.nquads): ["text/x-nquads"]
        case .rdf(.trig): ["application/x-trig"]
        case .rdf(.rdfxml): ["application/xml", "text/xml"]
        case .jsonLD: ["application/json"]
        }
    }
}

package import RDF
import Redland
package import Resolver
package import SPARQL

/// What a negotiated response is written as: a query results format, an RDF syntax, or the HTML page.
package enum ResponseFormat: Hashable, Sendable {
    case results(QueryResultsFormat)
    case graph(RDFFormat)
    case html

    /// The `Content-Type` header value: the media type, with `charset=utf-8` for `text/*` types.
    package var contentType: String {
        let type = mediaType
        return type.hasPrefix("text/") ? type + "; charset=utf-8" : type
    }

    /// The media type without parameters.
    package var mediaType: String {
        switch self {
        case .results(let format): format.mediaType
        case .graph(let format): format.mediaType
        case .html: "text/html"
        }
    }

    /// The representations of a SELECT or ASK result; JSON first, the default.
    package static let resultOffers = Offers<ResponseFormat>([
        Offer(QueryResultsFormat.json.mediaType, aliases: ["application/json"], value: .results(.json)),
        Offer(QueryResultsFormat.xml.mediaType, aliases: ["application/xml", "text/xml"], value: .results(.xml)),
        Offer(QueryResultsFormat.csv.mediaType, value: .results(.csv)),
        Offer(QueryResultsFormat.tsv.mediaType, value: .results(.tsv)),
    ])

    /// The representations of an RDF graph (CONSTRUCT, DESCRIBE, a Graph Store read); Turtle first, the default.
    package static let graphOffers = Offers<ResponseFormat>(graphOffers(RDFFormat.allCases))

    /// The representations of a graph of the whole store: only syntaxes with graph names; N-Quads first, the simplest.
    package static let storeOffers = Offers<ResponseFormat>(graphOffers([.nquads, .trig, .jsonLD]))

    private static func graphOffers(_ formats: [RDFFormat]) -> [Offer<ResponseFormat>] {
        formats.map { Offer($0.mediaType, aliases: $0.acceptedAliases, value: .graph($0)) }
    }

    /// The representations of the service description: RDF (Turtle by default), then the HTML query page.
    package static let serviceDescriptionOffers = Offers<ResponseFormat>(
        graphOffers.list + [Offer("text/html", aliases: ["application/xhtml+xml"], value: .html)])

    /// The query page (for a browser's permalink) or the representations of a result.
    package static let pageOrResultOffers = Offers<ResponseFormat>(resultOffers.list + serviceDescriptionOffers.list)

    /// The media types of `offers`, for a 406 message and the service description.
    package static func mediaTypes(_ offers: Offers<ResponseFormat>) -> [String] { offers.list.map(\.mediaType) }
}

/// The `?format=` parameter (Virtuoso's, which clients rely on): short names or media types that override `Accept`.
///
/// SPARQLWrapper sends it more than once (`format=tsv&format=text/tab-separated-values`) and with comma-separated
/// lists, so every value and every list item counts; items that name nothing known are ignored as long as one does.
package enum FormatParameter {
    /// The `Accept` value equivalent to the `format` values, or `nil` if none of them names a known format.
    ///
    /// Short names: `json`, `xml`, `csv`, `tsv`, `ttl`/`turtle`/`n3`, `nt`/`ntriples`, `nq`/`nquads`, `trig`,
    /// `rdf`/`rdfxml`/`rdf+xml`, `jsonld`/`json-ld`, `html`. `json` and `xml` also select JSON-LD and RDF/XML for graphs.
    package static func accept(for values: [String]) -> String? {
        let items = values.flatMap { $0.split(separator: ",") }.compactMap { accept(forItem: String($0)) }
        return items.isEmpty ? nil : items.joined(separator: ", ")
    }

    /// The `Accept` value equivalent to one `format` value, or `nil` if it names no known format.
    package static func accept(for format: String) -> String? { accept(for: [format]) }

    private static func accept(forItem item: String) -> String? {
        let name = item.trimmed.lowercased()
        if name.contains("/") { return name }
        switch name {
        case "json": return "\(QueryResultsFormat.json.mediaType), \(RDFFormat.jsonLD.mediaType);q=0.9"
        case "xml": return "\(QueryResultsFormat.xml.mediaType), \(RDFFormat.rdfxml.mediaType);q=0.9"
        case "csv": return QueryResultsFormat.csv.mediaType
        case "tsv": return QueryResultsFormat.tsv.mediaType
        case "jsonld", "json-ld": return RDFFormat.jsonLD.mediaType
        case "rdf+xml": return RDFFormat.rdfxml.mediaType
        case "n3": return RDFFormat.turtle.mediaType
        case "html": return "text/html"
        default: return RDFFormat(name: name)?.mediaType
        }
    }
}

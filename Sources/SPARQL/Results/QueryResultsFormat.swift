/// A SPARQL query results format (https://www.w3.org/TR/sparql11-overview/#sparql11-results).
///
/// The one place that spells these media types, file extensions and format IRIs (STYLE.md §5).
public enum QueryResultsFormat: CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/).
    case json
    /// SPARQL Query Results XML Format (https://www.w3.org/TR/rdf-sparql-XMLres/).
    case xml
    /// SPARQL 1.1 Query Results CSV Format (https://www.w3.org/TR/sparql11-results-csv-tsv/#csv): lossy, strings only.
    case csv
    /// SPARQL 1.1 Query Results TSV Format (https://www.w3.org/TR/sparql11-results-csv-tsv/#tsv): terms in Turtle syntax.
    case tsv

    /// The IANA media type, without parameters.
    public var mediaType: String {
        switch self {
        case .json: "application/sparql-results+json"
        case .xml: "application/sparql-results+xml"
        case .csv: "text/csv"
        case .tsv: "text/tab-separated-values"
        }
    }

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .json: "srj"
        case .xml: "srx"
        case .csv: "csv"
        case .tsv: "tsv"
        }
    }

    /// The format's IRI from the W3C formats namespace (https://www.w3.org/ns/formats/).
    public var iri: String {
        switch self {
        case .json: "http://www.w3.org/ns/formats/SPARQL_Results_JSON"
        case .xml: "http://www.w3.org/ns/formats/SPARQL_Results_XML"
        case .csv: "http://www.w3.org/ns/formats/SPARQL_Results_CSV"
        case .tsv: "http://www.w3.org/ns/formats/SPARQL_Results_TSV"
        }
    }

    /// The short name used on the command line and in `?format=`: `json`, `xml`, `csv` or `tsv`.
    public var name: String {
        switch self {
        case .json: "json"
        case .xml: "xml"
        case .csv: "csv"
        case .tsv: "tsv"
        }
    }

    /// The short name.
    public var description: String { name }

    /// The format with this media type, ignoring parameters (`; charset=utf-8`), surrounding spaces and case.
    /// `application/json` and `application/xml` are not accepted: they name no particular vocabulary.
    public init?(mediaType: String) {
        let essence = mediaType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let normalized = essence.trimmingSpaces().lowercased()
        guard let format = Self.allCases.first(where: { $0.mediaType == normalized }) else { return nil }
        self = format
    }

    /// The format with this short name (`json`, `xml`, `csv`, `tsv`), ignoring case.
    public init?(name: String) {
        let lowercased = name.lowercased()
        guard let format = Self.allCases.first(where: { $0.name == lowercased }) else { return nil }
        self = format
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs (HTTP's OWS).
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}

import SPARQL
import Testing

@Suite("QueryResultsFormat")
struct QueryResultsFormatTests {
    @Test func mediaTypesExtensionsAndIRIs() {
        #expect(QueryResultsFormat.allCases == [.json, .xml, .csv, .tsv])
        #expect(
            QueryResultsFormat.allCases.map(\.mediaType) == [
                "application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values",
            ]
        )
        #expect(QueryResultsFormat.allCases.map(\.fileExtension) == ["srj", "srx", "csv", "tsv"])
        #expect(
            QueryResultsFormat.allCases.map(\.iri) == [
                "http://www.w3.org/ns/formats/SPARQL_Results_JSON", "http://www.w3.org/ns/formats/SPARQL_Results_XML",
                "http://www.w3.org/ns/formats/SPARQL_Results_CSV", "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
            ]
        )
    }

    @Test func mediaTypeIgnoresParametersAndCase() {
        #expect(QueryResultsFormat(mediaType: "application/sparql-results+json") == .json)
        #expect(QueryResultsFormat(mediaType: "Application/SPARQL-Results+XML; charset=utf-8") == .xml)
        #expect(QueryResultsFormat(mediaType: " text/csv ;header=present") == .csv)
        #expect(QueryResultsFormat(mediaType: "text/tab-separated-values") == .tsv)
        #expect(QueryResultsFormat(mediaType: "application/json") == nil)
        #expect(QueryResultsFormat(mediaType: "text/turtle") == nil)
        #expect(QueryResultsFormat(mediaType: "") == nil)
    }

    @Test func shortNames() {
        for format in QueryResultsFormat.allCases {
            #expect(QueryResultsFormat(name: format.name) == format)
            #expect(QueryResultsFormat(name: format.name.uppercased()) == format)
        }
        #expect(QueryResultsFormat(name: "srj") == nil)
        #expect(QueryResultsFormat(name: "turtle") == nil)
    }
}

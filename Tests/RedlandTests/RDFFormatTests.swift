import RDF
import Redland
import Testing

extension RedlandTests {
    @Suite struct RDFFormatTests {
        @Test func mediaTypes() {
            #expect(RDFFormat(mediaType: "text/turtle") == .turtle)
            #expect(RDFFormat(mediaType: "Text/Turtle; charset=UTF-8") == .turtle)
            #expect(RDFFormat(mediaType: "application/x-turtle") == .turtle)
            #expect(RDFFormat(mediaType: "application/n-triples") == .ntriples)
            #expect(RDFFormat(mediaType: "text/plain") == nil)
            #expect(RDFFormat(mediaType: "application/n-quads") == .nquads)
            #expect(RDFFormat(mediaType: "application/trig") == .trig)
            #expect(RDFFormat(mediaType: " application/rdf+xml ;q=0.9") == .rdfxml)
            #expect(RDFFormat(mediaType: "application/xml") == .rdfxml)
            #expect(RDFFormat(mediaType: "application/ld+json") == .jsonLD)
            for format in RDFFormat.allCases {
                #expect(RDFFormat(mediaType: format.mediaType) == format)
                #expect(RDFFormat(fileExtension: format.fileExtension) == format)
                #expect(RDFFormat(name: format.rawValue) == format)
            }
        }

        @Test func acceptHeaderNamesFormatsInOrderOfPreference() {
            let header = RDFFormat.acceptHeader(preferring: [.turtle, .nquads], then: [.rdfxml])
            #expect(header == "text/turtle, application/n-quads, application/rdf+xml;q=0.9, */*;q=0.1")
            let offered = header.split(separator: ",").dropLast().map { RDFFormat(mediaType: String($0)) }
            #expect(offered == [.turtle, .nquads, .rdfxml])
        }

        @Test func extensionsAndNames() {
            #expect(RDFFormat(fileName: "/data/eira.ttl") == .turtle)
            #expect(RDFFormat(fileName: "dump.NQ") == .nquads)
            #expect(RDFFormat(fileName: "ontology.owl") == .rdfxml)
            #expect(RDFFormat(fileName: "a.b/c") == nil)
            #expect(RDFFormat(fileName: ".ttl") == nil)
            #expect(RDFFormat(fileName: "x.jsonld") == .jsonLD)
            #expect(RDFFormat(name: "nt") == .ntriples)
            #expect(RDFFormat(name: "xml") == .rdfxml)
            #expect(RDFFormat.nquads.supportsGraphs && RDFFormat.trig.supportsGraphs && !RDFFormat.turtle.supportsGraphs)
        }

        @Test func fetchedDocuments() {
            // The Content-Type decides when it names a syntax; a generic or missing one leaves it to the URL's path.
            #expect(RDFFormat(contentType: "text/turtle;charset=UTF-8", url: "http://example.org/data.rdf") == .turtle)
            #expect(RDFFormat(contentType: "text/plain", url: "http://example.org/data.rdf?version=2#top") == .rdfxml)
            #expect(RDFFormat(contentType: "application/octet-stream", url: "https://example.org/dumps/all.nq.gz") == .nquads)
            #expect(RDFFormat(contentType: nil, url: "/srv/files/eira.ttl") == .turtle)
            #expect(RDFFormat(contentType: nil, url: "http://example.org.ttl") == nil)
            #expect(RDFFormat(contentType: nil, url: "http://example.org/page?format=data.ttl") == nil)
            #expect(RDFFormat(contentType: "text/html", url: "http://example.org/") == nil)
        }

        @Test func errorDescriptions() {
            let error = RedlandError(.syntax, "syntax error at '\"'", file: "data.ttl", line: 12, column: 5)
            #expect(error.description == "data.ttl line 12 column 5: syntax error at '\"'")
            #expect(RedlandError(.syntax, "oops", line: 3).description == "line 3: oops")
            #expect(RedlandError(.io, "oops").description == "oops")
        }
    }
}

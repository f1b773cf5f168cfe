import RDF
import Redland
import Resolver
import SPARQL
import Testing

@testable import Server

/// Content negotiation as pure functions: q-values, wildcards, specificity, aliases, `?format=`, 406.
@Suite struct NegotiationTests {
    func results(_ accept: String?) -> ResponseFormat? {
        ContentNegotiation.choose(from: ResponseFormat.resultOffers, accept: accept)?.value
    }

    func graph(_ accept: String?) -> ResponseFormat? {
        ContentNegotiation.choose(from: ResponseFormat.graphOffers, accept: accept)?.value
    }

    @Test func parsesRangesWithQualitiesAndParameters() {
        let ranges = MediaRange.parseAccept(#"text/turtle;q=0.5, application/json ; charset="utf-8", */*;q=0.1, bad, text/*;q=oops"#)
        #expect(ranges.count == 3)
        #expect(ranges[0] == MediaRange(type: "text", subtype: "turtle", quality: 0.5))
        #expect(ranges[1].parameters["charset"] == "utf-8")
        #expect(ranges[2].quality == 0.1)
    }

    @Test func defaultsWithoutAcceptOrWithEverything() {
        #expect(results(nil) == .results(.json))
        #expect(results("") == .results(.json))
        #expect(results("*/*") == .results(.json))
        #expect(graph(nil) == .graph(.turtle))
        #expect(graph("*/*") == .graph(.turtle))
        #expect(graph("garbage") == .graph(.turtle))
    }

    @Test func exactTypesAndAliases() {
        #expect(results("application/sparql-results+xml") == .results(.xml))
        #expect(results("text/csv") == .results(.csv))
        #expect(results("text/tab-separated-values") == .results(.tsv))
        #expect(results("application/json") == .results(.json))
        #expect(graph("application/n-triples") == .graph(.ntriples))
        #expect(graph("application/ld+json") == .graph(.jsonLD))
        #expect(graph("application/rdf+xml") == .graph(.rdfxml))
        #expect(graph("application/trig") == .graph(.trig))
        #expect(graph("text/plain") == .graph(.ntriples))
        #expect(graph("application/json") == .graph(.jsonLD))
    }

    @Test func highestQualityWins() {
        #expect(results("application/sparql-results+json;q=0.5, application/sparql-results+xml;q=0.9") == .results(.xml))
        #expect(graph("text/turtle;q=0.2, application/n-triples;q=0.3, application/ld+json;q=0.1") == .graph(.ntriples))
    }

    @Test func mostSpecificRangeDecidesQuality() {
        // text/* would give Turtle q=1, but text/turtle itself says 0.1; CSV has nothing to do with graphs.
        #expect(graph("text/*, text/turtle;q=0.1, application/n-triples;q=0.5") == .graph(.ntriples))
        // q=0 on the exact type refuses it even though */* accepts everything.
        #expect(graph("text/turtle;q=0, */*") == .graph(.ntriples))
    }

    @Test func explicitTypeBeatsWildcardAtEqualQuality() {
        // A browser's Accept: */* matches every offer, application/xml names RDF/XML (an alias) explicitly.
        #expect(graph("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8") == .graph(.rdfxml))
        #expect(graph("*/*, application/ld+json") == .graph(.jsonLD))
    }

    @Test func typeWildcards() {
        #expect(graph("application/*") == .graph(.ntriples))
        #expect(results("text/*") == .results(.csv))
    }

    @Test func notAcceptable() {
        #expect(results("text/turtle") == nil)
        #expect(graph("application/sparql-results+json") == nil)
        #expect(results("image/png, text/html") == nil)
        #expect(results("application/sparql-results+json;q=0") == nil)
    }

    @Test func serviceDescriptionPrefersTurtleForToolsAndHTMLForBrowsers() {
        let offers = ResponseFormat.serviceDescriptionOffers
        #expect(ContentNegotiation.choose(from: offers, accept: nil)?.value == .graph(.turtle))
        #expect(ContentNegotiation.choose(from: offers, accept: "*/*")?.value == .graph(.turtle))
        let firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
        #expect(ContentNegotiation.choose(from: offers, accept: firefox)?.value == .html)
    }

    /// A list made once remembers each header's choice: asked again (and past the memo's size, when it starts over), it
    /// answers as the rules do for a list given afresh, including "none" (406).
    @Test func rememberedChoicesAreTheRulesChoices() {
        let offers = Offers(ResponseFormat.pageOrResultOffers.list)
        let firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
        var headers = [firefox, "*/*", "text/csv", "application/json", "image/png", "text/*;q=0.5, application/xml", "text/turtle;q=0"]
        headers += (0..<300).map { "text/tab-separated-values;q=0.\($0 % 9 + 1), application/n-triples;q=0.5, x/\($0)" }
        for _ in 0..<2 {
            for accept in headers {
                let remembered = ContentNegotiation.choose(from: offers, accept: accept)?.value
                #expect(remembered == ContentNegotiation.choose(from: offers.list, accept: accept)?.value, "\(accept)")
            }
        }
        #expect(ContentNegotiation.choose(from: offers, accept: firefox)?.value == .html)
        #expect(ContentNegotiation.choose(from: offers, accept: "image/png") == nil)
        #expect(ContentNegotiation.choose(from: offers, accept: "text/csv")?.value == .results(.csv))
    }

    @Test func formatParameterOverridesAccept() throws {
        #expect(try QueryService.negotiate(for: .select, accept: "text/csv", format: "json") == .results(.json))
        #expect(try QueryService.negotiate(for: .select, accept: nil, format: "tsv") == .results(.tsv))
        #expect(try QueryService.negotiate(for: .construct(template: []), accept: nil, format: "json") == .graph(.jsonLD))
        #expect(try QueryService.negotiate(for: .construct(template: []), accept: nil, format: "xml") == .graph(.rdfxml))
        #expect(try QueryService.negotiate(for: .construct(template: []), accept: nil, format: "nt") == .graph(.ntriples))
        #expect(try QueryService.negotiate(for: .describe([]), accept: nil, format: "ttl") == .graph(.turtle))
        #expect(try QueryService.negotiate(for: .ask, accept: nil, format: "application/sparql-results+xml") == .results(.xml))
        #expect(throws: RequestError.self) { try QueryService.negotiate(for: .select, accept: nil, format: "ttl") }
        #expect(throws: RequestError.self) { try QueryService.negotiate(for: .select, accept: nil, format: "yaml") }
    }

    @Test func formatParameterAsSPARQLWrapperSendsIt() throws {
        let graph = Query.Form.construct(template: [])
        #expect(try QueryService.negotiate(for: .select, accept: nil, format: "tsv,text/tab-separated-values") == .results(.tsv))
        #expect(try QueryService.negotiate(for: graph, accept: nil, format: "json-ld,application/ld+json,application/x-json+ld") == .graph(.jsonLD))
        #expect(try QueryService.negotiate(for: graph, accept: nil, format: "rdf+xml,application/rdf+xml") == .graph(.rdfxml))
        #expect(try QueryService.negotiate(for: graph, accept: nil, format: "n3") == .graph(.turtle))
        #expect(try QueryService.negotiate(for: graph, accept: "application/turtle,text/turtle", format: nil) == .graph(.turtle))
        #expect(try QueryService.negotiate(for: .select, accept: nil, format: "yaml,json") == .results(.json))
    }

    @Test func notAcceptableListsWhatIsOffered() {
        do {
            _ = try QueryService.negotiate(for: .select, accept: "text/turtle", format: nil)
            Issue.record("expected 406")
        } catch {
            #expect(error == .notAcceptable(offered: ResponseFormat.mediaTypes(ResponseFormat.resultOffers)))
            #expect(error.description.contains("application/sparql-results+json"))
        }
    }

    @Test func contentTypesCarryCharsetForText() {
        #expect(ResponseFormat.graph(.turtle).contentType == "text/turtle; charset=utf-8")
        #expect(ResponseFormat.results(.json).contentType == "application/sparql-results+json")
        #expect(ResponseFormat.results(.csv).contentType == "text/csv; charset=utf-8")
    }
}

import Foundation
import Testing

@testable import Server

/// The request-decoding helpers, without HTTP.
@Suite struct ProtocolDecodingTests {
    @Test func formFieldsDecodePlusPercentAndRepeats() throws {
        let fields = try FormFields(
            parsing: "query=SELECT+*+%7B%7D&default-graph-uri=http%3A%2F%2Fa&default-graph-uri=http%3A%2F%2Fb&default&bad=%zz", in: "the query string")
        #expect(try fields.single("query") == "SELECT * {}")
        #expect(fields.values("default-graph-uri") == ["http://a", "http://b"])
        #expect(fields.contains("default"))
        #expect(try fields.single("default") == "")
        #expect(try fields.single("bad") == "%zz")
        #expect(try fields.single("missing") == nil)
        #expect(throws: RequestError.self) { try fields.single("default-graph-uri") }
    }

    @Test func formFieldsDecodeUTF8() throws {
        #expect(try FormFields(parsing: "q=%C3%A9t%C3%A9", in: "the query string").single("q") == "été")
    }

    @Test func formFieldsRefuseInvalidUTF8NamingWhere() throws {
        let error = #expect(throws: RequestError.self) { try FormFields(parsing: "a=1&query=SELECT%FF", in: "the form body") }
        let message = error?.description ?? ""
        #expect(message.contains("the form body"), "\(message)")
        #expect(message.contains("'query'"), "\(message)")
        #expect(message.contains("byte 7") && message.contains("0xFF"), "\(message)")
        // A lone continuation byte in a name, and a truncated sequence, are refused too.
        #expect(throws: RequestError.self) { try FormFields(parsing: "%80=1", in: "the query string") }
        #expect(throws: RequestError.self) { try FormFields(parsing: "q=%C3", in: "the query string") }
    }

    @Test func invalidUTF8IsPlacedByLineAndColumn() {
        let bytes: [UInt8] = Array("SELECT *\nWHERE { ?s ".utf8) + [0xFF] + Array(" }".utf8)
        let offset = InvalidUTF8.firstOffset(bytes)
        #expect(offset == 20)
        #expect(offset.map { InvalidUTF8.position(of: $0, in: bytes) } == "line 2, column 12 (byte 21, 0xFF)")
        #expect(InvalidUTF8.firstOffset(Array("été".utf8)) == nil)
    }

    @Test func contentTypeAndCharset() throws {
        #expect(ContentType(header: "application/sparql-query") == ContentType(mediaType: "application/sparql-query"))
        let form = try #require(ContentType(header: "Application/X-WWW-Form-URLEncoded; charset=UTF-8"))
        #expect(form.mediaType == "application/x-www-form-urlencoded")
        try form.requireUTF8()
        #expect(throws: RequestError.unsupportedCharset("utf-16")) {
            try ContentType(header: "application/sparql-query; charset=UTF-16")!.requireUTF8()
        }
        #expect(ContentType(header: nil) == nil)
        #expect(ContentType(header: " ") == nil)
    }

    @Test func authorizationAcceptsBearerAndBasicPassword() throws {
        let authorization = UpdateAuthorization(token: "tok")
        try authorization.check("Bearer tok")
        try authorization.check("bearer  tok")
        try authorization.check("Basic " + Data("anyone:tok".utf8).base64EncodedString())
        #expect(throws: RequestError.unauthorized) { try authorization.check(nil) }
        #expect(throws: RequestError.unauthorized) { try authorization.check("Bearer nope") }
        #expect(throws: RequestError.unauthorized) { try authorization.check("Bearer tok2") }
        #expect(throws: RequestError.unauthorized) { try authorization.check("Basic " + Data("tok:wrong".utf8).base64EncodedString()) }
        #expect(throws: RequestError.unauthorized) { try authorization.check("Digest tok") }
    }

    @Test func noTokenMeansWritesAreOff() {
        #expect(throws: RequestError.updatesDisabled) { try UpdateAuthorization(token: nil).check("Bearer x") }
        #expect(throws: RequestError.updatesDisabled) { try UpdateAuthorization(token: "").check(nil) }
        #expect(RequestError.updatesDisabled.description.contains("--update-token"))
        #expect(RequestError.updatesDisabled.description.contains("LODESTAR_UPDATE_TOKEN"))
    }

    @Test func graphIRIsMustBeAbsolute() {
        #expect(GraphIRI.isAbsolute("http://example.org/g"))
        #expect(GraphIRI.isAbsolute("urn:x-graph:1"))
        #expect(!GraphIRI.isAbsolute("g1"))
        #expect(!GraphIRI.isAbsolute("http://example.org/a b"))
        #expect(!GraphIRI.isAbsolute("http://example.org/<x>"))
        #expect(!GraphIRI.isAbsolute(":nothing"))
        #expect(!GraphIRI.isAbsolute("1http://x"))
    }

    @Test func timeLimitsAreCapped() throws {
        let settings = QuerySettings(baseIRI: "http://x/sparql", unionDefaultGraph: false, defaultTimeout: 30, maxTimeout: 60)
        #expect(try settings.timeLimit(asked: nil) == 30)
        #expect(try settings.timeLimit(asked: "5") == 5)
        #expect(try settings.timeLimit(asked: "0.25") == 0.25)
        #expect(try settings.timeLimit(asked: "3600") == 60)
        #expect(throws: RequestError.self) { try settings.timeLimit(asked: "0") }
        #expect(throws: RequestError.self) { try settings.timeLimit(asked: "-1") }
        #expect(throws: RequestError.self) { try settings.timeLimit(asked: "soon") }
    }

    @Test func htmlEscaping() {
        #expect(HTML.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTML.jsonString("</script>\n\"") == #""\u003c/script\u003e\n\"""#)
    }

    @Test func gzipIsAcceptedByQuality() {
        #expect(CompressionMiddleware<LodestarRequestContext>.acceptsGzip("gzip, deflate, br"))
        #expect(CompressionMiddleware<LodestarRequestContext>.acceptsGzip("*"))
        #expect(!CompressionMiddleware<LodestarRequestContext>.acceptsGzip("gzip;q=0, br"))
        #expect(!CompressionMiddleware<LodestarRequestContext>.acceptsGzip("identity"))
        #expect(!CompressionMiddleware<LodestarRequestContext>.acceptsGzip(""))
    }
}

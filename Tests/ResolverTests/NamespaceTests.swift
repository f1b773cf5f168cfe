import RDF
import Redland
import Resolver
import Testing

@Suite struct NamespaceTests {
    @Test func dr8MapsPathsToPURIsAndBack() throws {
        let namespaces = PURINamespaces.standard
        let dr8 = try #require(namespaces["dr8"])
        #expect(dr8.puri(local: "PublicPolicy") == IRI("http://data.europa.eu/dr8/PublicPolicy"))
        #expect(dr8.puri(local: "LegalAgreements/InternationalTreaties") == IRI("http://data.europa.eu/dr8/LegalAgreements/InternationalTreaties"))
        #expect(dr8.puri(local: "") == IRI("http://data.europa.eu/dr8"))
        #expect(namespaces.path(of: IRI("http://data.europa.eu/dr8/view/LegalView")) == "/dr8/view/LegalView")
        #expect(namespaces.path(of: IRI("http://data.europa.eu/dr8")) == "/dr8")
        #expect(namespaces.path(of: IRI("http://data.europa.eu/dr8/")) == "/dr8")
        #expect(namespaces.path(of: IRI("http://example.org/dr8/PublicPolicy")) == nil)
    }

    @Test func extraNamespacesComeFromArguments() throws {
        let namespaces = try PURINamespaces(defaultPlus: ["eli=http://data.europa.eu/eli/", "deep=http://data.europa.eu/dr8/view/"])
        #expect(namespaces.all.map(\.name) == ["dr8", "eli", "deep"])
        #expect(namespaces.path(of: IRI("http://data.europa.eu/eli/reg/2016/679")) == "/eli/reg/2016/679")
        // Nested bases: the longest one wins.
        #expect(namespaces.path(of: IRI("http://data.europa.eu/dr8/view/LegalView")) == "/deep/LegalView")
        let replaced = try PURINamespaces(defaultPlus: ["dr8=http://example.org/abb/"])
        #expect(replaced.all.map(\.base) == ["http://example.org/abb/"])
    }

    @Test(arguments: [
        ("dr8", "is not NS=BASE"),
        ("=http://x.org/", "is not a namespace name"),
        ("a/b=http://x.org/", "is not a namespace name"),
        ("sparql=http://x.org/", "is a path the server already uses"),
        ("doc=http://x.org/", "is a path the server already uses"),
        ("x=not an iri/", "is not an absolute IRI"),
        ("x=http://x.org/abb", "must end in '/' or '#'"),
    ])
    func malformedArgumentsSayWhatIsWrong(argument: String, message: String) {
        #expect {
            try PURINamespace(argument: argument)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func aNameGivenTwiceIsRefused() {
        #expect(throws: ResolverError.invalidNamespace("the namespace 'x' is given twice")) {
            try PURINamespaces(defaultPlus: ["x=http://a.org/", "x=http://b.org/"])
        }
    }

    @Test func documentPathsCarryTheExtension() throws {
        let resolver = PURIResolver()
        let target = try #require(resolver.documentTarget(["dr8", "LegalAgreements", "InternationalTreaties.ttl"]))
        #expect(target.namespace == .dr8 && target.local == "LegalAgreements/InternationalTreaties" && target.representation == .graph(.turtle))
        let negotiated = try #require(resolver.documentTarget(["dr8", "view", "LegalView"]))
        #expect(negotiated.local == "view/LegalView" && negotiated.representation == nil)
        let whole = try #require(resolver.documentTarget(["dr8.jsonld"]))
        #expect(whole.local == "" && whole.representation == .graph(.jsonLD))
        #expect(resolver.documentTarget(["nope", "X.ttl"]) == nil)
        let (_, path) = try resolver.seeOther(namespace: .dr8, local: "view/LegalView", accept: "application/ld+json")
        #expect(path == "/doc/dr8/view/LegalView.jsonld")
    }
}

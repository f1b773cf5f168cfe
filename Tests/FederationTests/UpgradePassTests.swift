import Foundation
import RDF
import Redland
import Testing

@testable import Federation

/// Each `Ontologies/federation/upgrade/*.ru` file (one per Joinup pass group) on a fixture written from the pass's
/// description, and the scope filter on its own.
@Suite struct UpgradePassTests {
    static let prefixes = """
        @prefix adms: <http://www.w3.org/ns/adms#> . @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        @prefix v: <http://www.w3.org/2006/vcard/ns#> . @prefix ex: <http://example.com/> .
        @prefix admssw: <http://purl.org/adms/sw/> . @prefix qb: <http://purl.org/linked-data/cube#> .

        """

    /// Runs one shipped update file over Turtle and returns the result as N-Triples-like strings.
    func run(_ file: String, on turtle: String) throws -> Set<String> {
        let text = try FederationFixtures.resources.read(file)
        let triples = try RDFInput.parse(Array((Self.prefixes + turtle).utf8), format: .turtle, baseIRI: "http://example.com/", name: file)
        let result = try SPARQLRunner.update(NS.sparqlPrologue + text, on: WorkingGraph(triples), file: file)
        return Set(result.graph.triples.map { "\($0.subject) \($0.predicate) \($0.object)" })
    }

    func t(_ s: String, _ p: String, _ o: String) -> String {
        func expand(_ name: String) -> String {
            if name.hasPrefix("\"") { return name }
            if name == "a" { return "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" }
            let namespaces = ["adms": NS.adms, "dcat": NS.dcat, "dct": NS.dct, "foaf": NS.foaf, "v": NS.vcard, "ex": "http://example.com/"]
            let parts = name.split(separator: ":", maxSplits: 1)
            return "<\(namespaces[String(parts[0])]!)\(parts[1])>"
        }
        return "\(expand(s)) \(expand(p)) \(expand(o))"
    }

    @Test func passes1To3RenameTheV1Classes() throws {
        let out = try run("upgrade/01-pass-1-3-classes.ru", on: "ex:a a adms:Asset . ex:d a adms:AssetDistribution . ex:r a adms:AssetRepository .")
        #expect(out == [t("ex:a", "a", "dcat:Dataset"), t("ex:d", "a", "dcat:Distribution"), t("ex:r", "a", "dcat:Catalog")])
    }

    @Test func pass4DropsTheCubeType() throws {
        let out = try run("upgrade/02-pass-4-qb-dataset.ru", on: "ex:a a qb:Dataset, dcat:Dataset .")
        #expect(out == [t("ex:a", "a", "dcat:Dataset")])
    }

    @Test func passes7To10TurnSoftwareClassesIntoDatasets() throws {
        let out = try run("upgrade/03-pass-7-10-software-classes.ru", on: "ex:p a admssw:SoftwarePackage . ex:q a admssw:SoftwareProject .")
        #expect(out == [t("ex:p", "a", "dcat:Dataset"), t("ex:q", "a", "dcat:Dataset")])
    }

    @Test func pass11MakesPublishersAgents() throws {
        let out = try run("upgrade/04-pass-11-publisher.ru", on: "ex:o a dct:Agent ; foaf:name \"O\" .")
        #expect(out == [t("ex:o", "a", "foaf:Agent"), t("ex:o", "foaf:name", "\"O\"")])
    }

    @Test func passes27To30TurnReleaseChainsIntoVersions() throws {
        let out = try run(
            "upgrade/05-pass-27-30-release-chains.ru",
            on: "ex:s a dcat:Dataset ; adms:next ex:r1 ; adms:last ex:r2 . ex:r1 a dcat:Dataset ; adms:prev ex:s ; adms:next ex:r2 . ex:r2 a dcat:Dataset ; adms:prev ex:r1 .")
        #expect(
            out == [
                t("ex:s", "a", "dcat:Dataset"), t("ex:r1", "a", "dcat:Dataset"), t("ex:r2", "a", "dcat:Dataset"),
                t("ex:s", "dct:hasVersion", "ex:r1"), t("ex:s", "dct:hasVersion", "ex:r2"),
                t("ex:r1", "dct:isVersionOf", "ex:s"), t("ex:r2", "dct:isVersionOf", "ex:s"),
            ])
    }

    @Test func pass37FoldsDownloadURLIntoAccessURL() throws {
        let out = try run(
            "upgrade/06-pass-37-download-url.ru",
            on: "ex:d a dcat:Distribution ; dcat:downloadURL ex:f1, ex:f2 ; dcat:accessURL ex:f2 .")
        #expect(out == [t("ex:d", "a", "dcat:Distribution"), t("ex:d", "dcat:accessURL", "ex:f1"), t("ex:d", "dcat:accessURL", "ex:f2")])
    }

    @Test func pass38FoldsOneMediaTypeIntoTheFormat() throws {
        let out = try run(
            "upgrade/07-pass-38-media-type.ru",
            on: "ex:d a dcat:Distribution ; dcat:mediaType ex:zip . ex:e a dcat:Distribution ; dcat:mediaType ex:zip, ex:tar . ex:f a dcat:Distribution ; dct:format ex:pdf ; dcat:mediaType ex:zip .")
        #expect(
            out == [
                t("ex:d", "a", "dcat:Distribution"), t("ex:d", "dct:format", "ex:zip"), t("ex:e", "a", "dcat:Distribution"),
                t("ex:f", "a", "dcat:Distribution"), t("ex:f", "dct:format", "ex:pdf"),
            ])
    }

    @Test func pass50DropsSupportedSchema() throws {
        let out = try run("upgrade/08-pass-50-supported-schema.ru", on: "ex:r a dcat:Catalog ; adms:supportedSchema ex:schema .")
        #expect(out == [t("ex:r", "a", "dcat:Catalog")])
    }

    @Test func passes76To79UpdateContactPoints() throws {
        let out = try run(
            "upgrade/09-pass-76-79-vcard.ru", on: "ex:c a v:VCard ; v:formattedName \"C\" ; v:email ex:mail ; v:url ex:home .")
        #expect(
            out == [
                t("ex:c", "a", "v:Kind"), t("ex:c", "v:fn", "\"C\""), t("ex:c", "v:hasEmail", "ex:mail"), t("ex:c", "v:hasURL", "ex:home"),
            ])
    }

    @Test func scopeKeepsWhatADMSAPGovernsAndItsUntypedParts() throws {
        let out = try run(
            "scope/scope.ru",
            on: "ex:s a dcat:Dataset ; dct:spatial [ dct:title \"here\" ] . ex:rec a dcat:CatalogRecord ; dct:title \"x\" . ex:loose dct:title \"y\" .")
        #expect(out.count == 3)
        #expect(!out.contains { $0.contains("CatalogRecord") || $0.contains("\"x\"") || $0.contains("\"y\"") })
    }
}

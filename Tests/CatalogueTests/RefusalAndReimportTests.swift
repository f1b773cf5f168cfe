import Catalogue
import Foundation
import RDF
import Store
import Testing

@Suite("Re-import and malformed input")
struct RefusalAndReimportTests {
    /// What the command line does: read the file, then write. A refused file never reaches the store.
    static func importFile(bytes: [UInt8], name: String, into store: QuadStore) async throws {
        _ = try await EIRAImporter.import(EIRADocument(bytes: bytes, fileName: name), into: store)
    }

    @Test(.enabled(if: Shared.available, "LODESTAR_SHARED data is absent"))
    func reimportingAReleaseChangesNothing() async throws {
        let document = try EIRADocument(file: Shared.archiMateV6)
        try await withTemporaryStore { store in
            try await EIRAImporter.import(EIRADocument(file: Shared.skosV4), into: store)
            try await EIRAImporter.import(document, into: store)
            let before = Set(store.snapshot().allQuads)
            let report = try await EIRAImporter.import(document, into: store)
            #expect(Set(store.snapshot().allQuads) == before)
            #expect(store.snapshot().count == before.count)
            #expect(report.triples == store.snapshot().quads(in: .iri(report.graph)).count)
        }
    }

    @Test(.enabled(if: Shared.available, "LODESTAR_SHARED data is absent"))
    func malformedInputIsRefusedWithItsPositionAndTheStoreIsUnchanged() async throws {
        let v6 = Array(try Data(contentsOf: URL(fileURLWithPath: Shared.archiMateV6)))
        let truncated = Array(v6.prefix(v6.count / 2))
        let notArchiMate = Array("<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:example\">\n  <book/>\n</catalog>\n".utf8)
        let noName = Array(
            "<?xml version=\"1.0\"?>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" identifier=\"m\">\n<elements/>\n</model>\n".utf8)
        let brokenRDF = Array(
            "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description rdf:about=\"http://e/a\">\n</rdf:RDF>\n"
                .utf8)
        let mismatched = Array(
            "<?xml version=\"1.0\"?>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">\n<name>EIRA v6.0.0</name>\n<elements>\n</element>\n</model>\n"
                .utf8)
        let unversioned = Array(
            "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"><name>EIRA latest</name><elements/></model>".utf8)
        let rdfWithoutVersion = Array(
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"http://e/a\"/></rdf:RDF>".utf8)
        let cases: [(name: String, bytes: [UInt8], code: CatalogueError.Code, line: Int?)] = [
            ("truncated.xml", truncated, .syntax, nil),
            ("catalog.xml", notArchiMate, .notAnEIRARelease, 2),
            ("empty.xml", [], .notAnEIRARelease, nil),
            ("blank.xml", Array(" \n".utf8), .notAnEIRARelease, nil),
            ("unnamed.xml", noName, .notAnEIRARelease, nil),
            ("broken.rdf", brokenRDF, .syntax, 4),
            ("text.xml", Array("not xml at all".utf8), .syntax, 1),
            ("mismatch.xml", mismatched, .syntax, 5),
            ("unversioned.xml", unversioned, .notAnEIRARelease, nil),
            ("plain.rdf", rdfWithoutVersion, .notAnEIRARelease, nil),
        ]
        try await withTemporaryStore { store in
            try await EIRAImporter.import(EIRADocument(file: Shared.skosV4), into: store)
            let before = Set(store.snapshot().allQuads)
            for refused in cases {
                let error = try #require(throws: CatalogueError.self, "\(refused.name)") {
                    try EIRADocument(bytes: refused.bytes, fileName: refused.name)
                }
                #expect(error.code == refused.code, "\(refused.name): \(error)")
                #expect(error.file == refused.name)
                #expect(error.description.hasPrefix(refused.name + ": "), "\(error)")
                if let line = refused.line { #expect(error.line == line, "\(refused.name): \(error)") }
                if refused.code == .syntax { #expect(error.line != nil, "\(refused.name): \(error)") }
                await #expect(throws: CatalogueError.self) { try await Self.importFile(bytes: refused.bytes, name: refused.name, into: store) }
            }
            #expect(Set(store.snapshot().allQuads) == before)
        }
    }
}

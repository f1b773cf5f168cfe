import RDF
import Testing

@testable import Store

/// Writes given in the IDs of the snapshot a transaction body saw (`ChangeSet.encoded`, what SPARQL updates commit).
@Suite("Encoded change sets")
struct EncodedChangeTests {
    private let overlay = TermID.firstOverlay.rawValue

    private func store() async throws -> (QuadStore, Snapshot) {
        let store = try await QuadStore.open(.memory)
        try await store.insert([quad("a", "p", "b"), Quad(iri("a"), iri("label"), .literal(Literal("x")))])
        return (store, store.snapshot())
    }

    @Test func knownIDsAndNewTermsAreCommitted() async throws {
        let (store, snapshot) = try await store()
        let a = snapshot.id(of: iri("a"))!, p = snapshot.id(of: iri("p"))!, b = snapshot.id(of: iri("b"))!
        let new = TermID(rawValue: overlay), blank = TermID(rawValue: overlay + 1)
        let change = EncodedChange(
            deletions: [EncodedQuad(subject: a, predicate: p, object: b, graph: .defaultGraph)],
            insertions: [
                EncodedQuad(subject: a, predicate: p, object: new, graph: .defaultGraph),
                EncodedQuad(subject: blank, predicate: p, object: new, graph: new),
            ],
            newTerms: [iri("new"), .blankNode(BlankNode("b-1"))])
        let report = try await store.apply(ChangeSet(encoded: change))
        #expect(report == WriteReport(inserted: 2, deleted: 1, version: 2))
        let quads = Set(store.snapshot().allQuads)
        #expect(!quads.contains(quad("a", "p", "b")))
        #expect(quads.contains(quad("a", "p", "new")))
        // The blank node's label is made N-Triples-safe, as for quads given as terms.
        let blankNode = Term.blankNode(BlankNode(NTriples.safeBlankNodeLabel("b-1")))
        #expect(quads.contains(Quad(blankNode, iri("p"), iri("new"), graph: .iri(IRI("http://example.org/new")))))
    }

    /// A deletion naming a term the snapshot lacks cannot match: it changes nothing.
    @Test func deletionsOfUnknownTermsChangeNothing() async throws {
        let (store, snapshot) = try await store()
        let a = snapshot.id(of: iri("a"))!, p = snapshot.id(of: iri("p"))!
        let change = EncodedChange(
            deletions: [EncodedQuad(subject: a, predicate: p, object: TermID(rawValue: overlay), graph: .defaultGraph)], newTerms: [iri("b")])
        let report = try await store.apply(ChangeSet(encoded: change))
        #expect(report.deleted == 0)
        #expect(store.snapshot().count == 2)
    }

    @Test func anIDTheSnapshotNeverIssuedIsRefused() async throws {
        let (store, snapshot) = try await store()
        let a = snapshot.id(of: iri("a"))!, p = snapshot.id(of: iri("p"))!
        for unknown in [TermID(rawValue: 5_000), TermID(rawValue: overlay + 3)] {
            let inserted = EncodedQuad(subject: a, predicate: p, object: unknown, graph: .defaultGraph)
            let change = EncodedChange(insertions: [inserted], newTerms: [iri("c")])
            await #expect(throws: StoreError.self) { try await store.apply(ChangeSet(encoded: change)) }
        }
        #expect(store.snapshot().version == snapshot.version)
    }

    @Test func aLiteralSubjectOrPredicateIsRefused() async throws {
        let (store, snapshot) = try await store()
        let a = snapshot.id(of: iri("a"))!, p = snapshot.id(of: iri("p"))!
        let literal = snapshot.id(of: .literal(Literal("x")))!
        for bad in [
            EncodedQuad(subject: literal, predicate: p, object: a, graph: .defaultGraph),
            EncodedQuad(subject: a, predicate: literal, object: a, graph: .defaultGraph),
            EncodedQuad(subject: a, predicate: p, object: a, graph: literal),
        ] {
            do {
                try await store.apply(ChangeSet(encoded: EncodedChange(insertions: [bad])))
                Issue.record("\(bad) was committed")
            } catch let error as StoreError {
                #expect(error.message.contains("position"), "\(error)")
            }
        }
        #expect(store.snapshot().count == 2)
    }
}

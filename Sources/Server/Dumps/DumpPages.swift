import Redland
package import RDF
package import Store

/// Hydra paging of a graph's Turtle dump (`/dumps/{name}.ttl?page=N`, https://www.hydra-cg.com/spec/latest/core/):
/// pages made of whole subjects, each a `hydra:PartialCollectionView` of the full dump.
///
/// A page takes subjects in the snapshot's order until it holds `maxSubjects` of them, or until the next subject would
/// take it past `maxTriples` (a page always takes at least one subject, however many triples it has). Following
/// `hydra:next` from page 1 to the last gives every triple of the dump exactly once, plus the paging triples, whose
/// subjects are the page and the collection (the dump's URL).
package struct DumpPages: Sendable {
    /// The quad offset where each page starts (1-based pages: page N starts at `starts[N - 1]`); one empty page for an
    /// empty graph.
    package let starts: [Int]
    package let triples: Int
    let graph: TermID?

    package static let hydra = "http://www.w3.org/ns/hydra/core#"

    /// Splits `graph` of `snapshot` into pages. O(triples), integers only.
    package init(snapshot: Snapshot, graph: GraphName, maxSubjects: Int = 1000, maxTriples: Int = 10_000) {
        self.graph = snapshot.id(of: graph)
        var starts = [0]
        var offset = 0
        var subjectsOnPage = 0
        var triplesOnPage = 0
        var runStart = 0
        var subject: TermID?
        func closeRun() {
            let runLength = offset - runStart
            if subjectsOnPage > 0 && (subjectsOnPage == maxSubjects || triplesOnPage + runLength > maxTriples) {
                starts.append(runStart)
                subjectsOnPage = 0
                triplesOnPage = 0
            }
            subjectsOnPage += 1
            triplesOnPage += runLength
        }
        if let id = self.graph {
            for quad in snapshot.quads(matching: EncodedQuadPattern(graph: id)) {
                if quad.subject != subject {
                    if subject != nil { closeRun() }
                    subject = quad.subject
                    runStart = offset
                }
                offset += 1
            }
            if subject != nil { closeRun() }
        }
        self.starts = starts
        triples = offset
    }

    package var count: Int { starts.count }

    /// Page `number` (1-based) as Turtle: its subjects' triples, then the Hydra view and collection.
    /// - Parameter dumpURL: the full dump's URL (the collection); pages are `dumpURL?page=N`.
    /// - Throws: `DumpError.noSuchPage` outside 1…count.
    package func page(_ number: Int, of snapshot: Snapshot, dumpURL: String) throws -> [UInt8] {
        guard (1...count).contains(number) else {
            throw DumpError.noSuchPage("this dump has pages 1 to \(count); there is no page \(number)")
        }
        var bytes: [UInt8] = []
        var prefixes = DumpWriter.prefixes
        prefixes["hydra"] = Self.hydra
        let writer = try RDFWriter(format: .turtle, prefixes: prefixes) { bytes += $0 }
        let start = starts[number - 1]
        let end = number < count ? starts[number] : triples
        if let graph, end > start {
            var offset = 0
            for encoded in snapshot.quads(matching: EncodedQuadPattern(graph: graph)) {
                defer { offset += 1 }
                if offset < start { continue }
                if offset >= end { break }
                var quad = snapshot.quad(for: encoded)
                quad.graph = .defaultGraph
                try writer.write(quad)
            }
        }
        let view = Term.iri("\(dumpURL)?page=\(number)")
        let collection = Term.iri(dumpURL)
        func link(_ predicate: String, _ page: Int) -> Quad { Quad(view, .iri(Self.hydra + predicate), .iri("\(dumpURL)?page=\(page)")) }
        var paging = [
            Quad(view, .iri(RDFVocabulary.type), .iri(Self.hydra + "PartialCollectionView")),
            link("first", 1),
            link("last", count),
        ]
        if number > 1 { paging.append(link("previous", number - 1)) }
        if number < count { paging.append(link("next", number + 1)) }
        paging += [
            Quad(collection, .iri(RDFVocabulary.type), .iri(Self.hydra + "Collection")),
            Quad(
                collection, .iri(Self.hydra + "totalItems"), .literal(Literal(String(triples), datatype: IRI(XSD.namespace + "nonNegativeInteger")))),
            Quad(collection, .iri(Self.hydra + "view"), view),
        ]
        for quad in paging { try writer.write(quad) }
        try writer.finish()
        return bytes
    }
}

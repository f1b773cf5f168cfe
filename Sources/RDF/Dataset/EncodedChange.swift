/// A change to a dataset in the dataset's own IDs, as an update computes it: removed quads by the IDs of the dataset
/// they were read from, added quads by those IDs or by IDs from `TermID.firstOverlay` for terms the dataset lacks
/// (`newTerms[id - firstOverlay]`). A store commits it without decoding and looking up again every quad.
public struct EncodedChange: Sendable, Hashable {
    public var deletions: [EncodedQuad]
    public var insertions: [EncodedQuad]
    public var newTerms: [Term]

    public init(deletions: [EncodedQuad] = [], insertions: [EncodedQuad] = [], newTerms: [Term] = []) {
        self.deletions = deletions
        self.insertions = insertions
        self.newTerms = newTerms
    }

    public var isEmpty: Bool { deletions.isEmpty && insertions.isEmpty }

    /// The term behind `id`, an ID of `dataset` or of `newTerms`.
    public func term(for id: TermID, in dataset: some QueryableDataset) -> Term {
        id >= .firstOverlay ? newTerms[Int(id.rawValue - TermID.firstOverlay.rawValue)] : dataset.term(for: id)
    }

    /// The change as quads of terms.
    public func decoded(in dataset: some QueryableDataset) -> (deletions: [Quad], insertions: [Quad]) {
        func quad(_ encoded: EncodedQuad) -> Quad {
            let graph = encoded.graph == .defaultGraph ? GraphName.defaultGraph : GraphName(term(for: encoded.graph, in: dataset)) ?? .defaultGraph
            return Quad(
                term(for: encoded.subject, in: dataset), term(for: encoded.predicate, in: dataset), term(for: encoded.object, in: dataset),
                graph: graph)
        }
        return (deletions.map(quad), insertions.map(quad))
    }
}

/// The contract between the SPARQL evaluator and storage (STYLE.md §3): quads by pattern over dictionary-encoded
/// terms, cheap cardinality estimates for join ordering, and term ↔ ID conversion.

/// A dictionary-encoded term. IDs are dense, assigned by the store, and compare as integers so joins never touch strings.
///
/// `TermID.defaultGraph` names the default graph in the graph position. IDs come in three ranges: a store issues IDs
/// below `firstOverlay`; an update's overlay (terms its earlier operations inserted) issues IDs from `firstOverlay`;
/// an evaluator hands out IDs from `firstQueryLocal` for terms a query computes.
public struct TermID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32

    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The default graph, in the graph position of an encoded quad.
    public static let defaultGraph = TermID(rawValue: 0)
    /// The first ID a store never issues: overlays of uncommitted changes number their new terms from here.
    public static let firstOverlay = TermID(rawValue: 0x8000_0000)
    /// The first ID for terms a query computes.
    public static let firstQueryLocal = TermID(rawValue: 0xC000_0000)

    @inlinable public static func < (lhs: TermID, rhs: TermID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "#\(rawValue)" }
}

/// A quad of term IDs.
public struct EncodedQuad: Hashable, Sendable {
    public var subject: TermID
    public var predicate: TermID
    public var object: TermID
    public var graph: TermID

    @inlinable public init(subject: TermID, predicate: TermID, object: TermID, graph: TermID) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// A quad pattern of term IDs; a `nil` position is a wildcard.
public struct EncodedQuadPattern: Hashable, Sendable {
    public var subject: TermID?
    public var predicate: TermID?
    public var object: TermID?
    /// `nil` matches every graph, the default graph included; `.defaultGraph` matches the default graph only.
    public var graph: TermID?

    @inlinable
    public init(subject: TermID? = nil, predicate: TermID? = nil, object: TermID? = nil, graph: TermID? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    @inlinable
    public func matches(_ quad: EncodedQuad) -> Bool {
        (subject == nil || subject == quad.subject) && (predicate == nil || predicate == quad.predicate)
            && (object == nil || object == quad.object) && (graph == nil || graph == quad.graph)
    }
}

/// What the SPARQL evaluator needs from storage, and nothing more. A conforming value is an immutable snapshot:
/// every call answers from the same version of the data.
public protocol QueryableDataset: Sendable {
    associatedtype Quads: Sequence<EncodedQuad>

    /// The quads matching `pattern`, in no promised order. Lazy: nothing is copied until iterated.
    func quads(matching pattern: EncodedQuadPattern) -> Quads

    /// An upper bound on `quads(matching:)`'s count, cheap (no iteration); exact for stores that can afford it.
    func estimatedCount(matching pattern: EncodedQuadPattern) -> Int

    /// The ID of `term`, or `nil` if the term is not in the data, so any pattern using it matches nothing.
    func id(of term: Term) -> TermID?

    /// The term for an ID this dataset issued. Calling it with any other ID is a programming error.
    func term(for id: TermID) -> Term

    /// Calls `body` with the spelling of the term behind `id` (same rule as `term(for:)`), read in place where the
    /// dataset stores its terms as bytes; the default decodes `term(for:)`.
    func withSpelling(of id: TermID, _ body: (TermSpelling) -> Void)

    /// The named graphs that hold at least one quad, as IDs.
    var namedGraphs: [TermID] { get }
}

extension QueryableDataset {
    public func withSpelling(of id: TermID, _ body: (TermSpelling) -> Void) { term(for: id).withSpelling(body) }

    /// The ID of a graph name: `.defaultGraph` for the default graph, `nil` for a graph the data does not know.
    public func id(of graph: GraphName) -> TermID? {
        guard let term = graph.term else { return .defaultGraph }
        return id(of: term)
    }

    /// Decodes an encoded quad; the default graph ID becomes `GraphName.defaultGraph`.
    public func quad(for encoded: EncodedQuad) -> Quad {
        let graph = encoded.graph == .defaultGraph ? GraphName.defaultGraph : GraphName(term(for: encoded.graph)) ?? .defaultGraph
        return Quad(term(for: encoded.subject), term(for: encoded.predicate), term(for: encoded.object), graph: graph)
    }
}

public import RDF

/// A parsed SPARQL 1.1 Update request: operations applied in order, atomically (https://www.w3.org/TR/sparql11-update/).
public struct Update: Hashable, Sendable {
    public var operations: [GraphUpdateOperation]
    public var baseIRI: String?

    public init(operations: [GraphUpdateOperation], baseIRI: String? = nil) {
        self.operations = operations
        self.baseIRI = baseIRI
    }
}

/// One update operation (§3). ADD, MOVE and COPY keep their own cases: their SILENT and same-graph rules differ.
public enum GraphUpdateOperation: Hashable, Sendable {
    /// INSERT DATA: ground quads; blank nodes are fresh for this operation.
    case insertData([Quad])
    /// DELETE DATA: ground quads without blank nodes.
    case deleteData([Quad])
    /// DELETE/INSERT … WHERE, DELETE WHERE, with WITH folded in (templates' default graph and the pattern's dataset)
    /// and USING / USING NAMED as `using`.
    case deleteInsert(delete: [QuadPattern], insert: [QuadPattern], using: QueryDataset?, pattern: GraphPattern)
    /// LOAD [SILENT] <source> [INTO GRAPH <g>]
    case load(silent: Bool, source: IRI, destination: GraphName)
    case clear(silent: Bool, target: GraphTarget)
    case create(silent: Bool, graph: IRI)
    case drop(silent: Bool, target: GraphTarget)
    case add(silent: Bool, from: GraphName, to: GraphName)
    case move(silent: Bool, from: GraphName, to: GraphName)
    case copy(silent: Bool, from: GraphName, to: GraphName)
}

/// What CLEAR and DROP act on.
public enum GraphTarget: Hashable, Sendable {
    case graph(IRI)
    case defaultGraph
    /// NAMED: every named graph.
    case allNamed
    /// ALL: the default graph and every named graph.
    case all
}

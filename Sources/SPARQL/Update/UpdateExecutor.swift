public import RDF

/// Runs a SPARQL 1.1 Update request (https://www.w3.org/TR/sparql11-update/) against a dataset without touching it:
/// each operation applies to an overlay that the following operations see, and the result is the request's net
/// change, for the store to commit in one atomic write. A failing operation throws, so nothing is committed.
/// `options.deadline` covers the whole construction of the change, WHERE clauses and every quad of the data, so an update
/// too slow for its limit is refused (`QueryEvaluationError.timeout`) before the store commits any of it.
///
/// ```swift
/// let update = try SPARQLParser.parseUpdate("INSERT DATA { <s> <p> <o> }", baseIRI: "http://example.org/")
/// let change = try UpdateExecutor().changes(for: update, in: snapshot, loader: { iri in try parse(iri) })
/// ```
public struct UpdateExecutor: Sendable {
    public var options: QueryOptions

    public init(options: QueryOptions = .init()) { self.options = options }

    /// The net change `update` makes to `dataset`.
    /// - Parameter loader: fetches and parses the document a LOAD names, as triples or quads; its errors fail the
    ///   operation (unless SILENT).
    /// - Throws: `UpdateError`, `QueryEvaluationError.timeout` / `.cancelled`, or what the evaluator or the loader throws.
    public func changes<D: QueryableDataset>(
        for update: Update, in dataset: D, loader: (IRI) throws -> [Quad] = { iri in throw UpdateError.loadUnsupported(iri) }
    ) throws -> (deletions: [Quad], insertions: [Quad]) {
        try encodedChanges(for: update, in: dataset, loader: loader).decoded(in: dataset)
    }

    /// The net change `update` makes to `dataset`, in `dataset`'s IDs (and new IDs for terms it lacks): what a store
    /// commits without decoding the quads and looking them up again.
    public func encodedChanges<D: QueryableDataset>(
        for update: Update, in dataset: D, loader: (IRI) throws -> [Quad] = { iri in throw UpdateError.loadUnsupported(iri) }
    ) throws -> EncodedChange {
        let deadline = Deadline(options.deadline, cancellation: options.cancellation)
        try deadline.check()
        var overlay = OverlayDataset(dataset)
        do {
            for (index, operation) in update.operations.enumerated() {
                try deadline.tick()
                let blankNodePrefix = "u\(UInt32.random(in: 0...UInt32.max))x\(index)"
                try apply(operation, to: &overlay, blankNodePrefix: blankNodePrefix, deadline: deadline, loader: loader)
            }
            // The last look before the store commits: past this point the write cannot be taken back.
            try deadline.check()
            return overlay.encodedNetChange
        } catch {
            Discard.later(consume overlay)
            throw error
        }
    }

    private func apply<D: QueryableDataset>(
        _ operation: GraphUpdateOperation, to overlay: inout OverlayDataset<D>, blankNodePrefix: String, deadline: Deadline,
        loader: (IRI) throws -> [Quad]
    ) throws {
        switch operation {
        case .insertData(let quads):
            overlay.reserve(insertions: quads.count)
            for quad in quads {
                try deadline.tick()
                overlay.insert(overlay.encode(Self.freshBlankNodes(quad, prefix: blankNodePrefix)))
            }
        case .deleteData(let quads):
            let encoded = try quads.map { quad throws(QueryEvaluationError) in
                try deadline.tick()
                return overlay.encode(quad)
            }
            overlay.delete(encoded)
        case .deleteInsert(let deleteTemplate, let insertTemplate, let using, let pattern):
            try deleteInsert(
                deleteTemplate, insertTemplate, using: using, pattern: pattern, in: &overlay, blankNodePrefix: blankNodePrefix, deadline: deadline)
        case .load(let silent, let source, let destination):
            do {
                for quad in try loader(source) {
                    try deadline.tick()
                    let target = quad.graph == .defaultGraph ? destination : quad.graph
                    overlay.insert(overlay.encode(Self.freshBlankNodes(Quad(quad.triple, graph: target), prefix: blankNodePrefix)))
                }
            } catch let error where silent && !(error is QueryEvaluationError) {}
        case .clear(let silent, let target):
            try clear(target, silent: silent, in: &overlay, deadline: deadline)
        case .drop(let silent, let target):
            try clear(target, silent: silent, in: &overlay, deadline: deadline)
        case .create(let silent, let graph):
            if !silent && Self.exists(.iri(graph), in: overlay) { throw UpdateError.graphExists(graph) }
        case .add(let silent, let from, let to):
            try transfer(from: from, to: to, silent: silent, replacing: false, removingSource: false, in: &overlay, deadline: deadline)
        case .copy(let silent, let from, let to):
            try transfer(from: from, to: to, silent: silent, replacing: true, removingSource: false, in: &overlay, deadline: deadline)
        case .move(let silent, let from, let to):
            try transfer(from: from, to: to, silent: silent, replacing: true, removingSource: true, in: &overlay, deadline: deadline)
        }
    }

    // MARK: DELETE/INSERT … WHERE (§3.1.3)

    private func deleteInsert<D: QueryableDataset>(
        _ deleteTemplate: [QuadPattern], _ insertTemplate: [QuadPattern], using: QueryDataset?, pattern: GraphPattern,
        in overlay: inout OverlayDataset<D>, blankNodePrefix: String, deadline: Deadline
    ) throws {
        // The WHERE clause is evaluated once, before any change: every solution sees the same data. Solutions stay IDs:
        // the dataset's own IDs go straight into the quads, and only the positions RDF restricts are decoded to check.
        var rows = [[TermID?]]()
        var deletions = [EncodedQuad](), insertions = [EncodedQuad]()
        do {
            var solutions = try QueryEvaluator(options: options).solutions(of: pattern, datasetClause: using, in: overlay)
            var columns = [Variable: Int]()
            for (index, variable) in solutions.variables.enumerated() { columns[variable] = index }
            while let row = try solutions.nextIDs() { rows.append(row) }
            let deleting = deleteTemplate.map { EncodedTemplate($0, columns: columns, overlay: &overlay) }
            let inserting = insertTemplate.map { EncodedTemplate($0, columns: columns, overlay: &overlay) }
            for (number, row) in rows.enumerated() {
                // A template of thousands of quads costs that many steps per solution.
                try deadline.tick(by: 1 + deleting.count + inserting.count)
                for template in deleting {
                    if let quad = template.instantiate(row, solutions: solutions, overlay: &overlay, blankNodePrefix: nil) {
                        deletions.append(quad)
                    }
                }
                let fresh = "\(blankNodePrefix)s\(number)"
                for template in inserting {
                    if let quad = template.instantiate(row, solutions: solutions, overlay: &overlay, blankNodePrefix: fresh) {
                        insertions.append(quad)
                    }
                }
            }
        } catch {
            Discard.later((consume rows, consume deletions, consume insertions))
            throw error
        }
        Discard.later(consume rows)
        overlay.delete(deletions)
        for quad in insertions { overlay.insert(quad) }
    }

    static func freshBlankNodes(_ quad: Quad, prefix: String) -> Quad {
        func fresh(_ term: Term) -> Term {
            if case .blankNode(let node) = term { return .blankNode(BlankNode(prefix + node.id)) }
            return term
        }
        var result = quad
        result.subject = fresh(quad.subject)
        result.object = fresh(quad.object)
        if case .blankNode(let node) = quad.graph { result.graph = .blankNode(BlankNode(prefix + node.id)) }
        return result
    }

    // MARK: Graph management (§3.2)

    private func clear<D: QueryableDataset>(
        _ target: GraphTarget, silent: Bool, in overlay: inout OverlayDataset<D>, deadline: Deadline
    ) throws {
        let graphs: [TermID]
        switch target {
        case .graph(let iri):
            guard let id = overlay.id(of: .iri(iri)), Self.exists(.iri(iri), in: overlay) else {
                // We record no empty graphs, so a graph without quads is one that does not exist; clearing it changes
                // nothing, which is what CLEAR/DROP mean for it (the W3C suite expects no error either way).
                return
            }
            graphs = [id]
        case .defaultGraph: graphs = [.defaultGraph]
        case .allNamed: graphs = overlay.namedGraphs
        case .all: graphs = [.defaultGraph] + overlay.namedGraphs
        }
        _ = silent
        for graph in graphs {
            var quads: [EncodedQuad] = []
            for quad in overlay.quads(matching: EncodedQuadPattern(graph: graph)) {
                try deadline.tick()
                quads.append(quad)
            }
            overlay.delete(quads, listed: true)
        }
    }

    private func transfer<D: QueryableDataset>(
        from source: GraphName, to destination: GraphName, silent: Bool, replacing: Bool, removingSource: Bool,
        in overlay: inout OverlayDataset<D>, deadline: Deadline
    ) throws {
        guard source != destination else { return }
        guard source == .defaultGraph || Self.exists(source, in: overlay) else {
            if silent { return }
            throw UpdateError.graphDoesNotExist(source)
        }
        let sourceQuads = try Self.quads(in: source, of: overlay, deadline: deadline)
        if replacing {
            let encoded = try Self.quads(in: destination, of: overlay, deadline: deadline).map { overlay.encode($0) }
            overlay.delete(encoded)
        }
        for quad in sourceQuads {
            try deadline.tick()
            overlay.insert(overlay.encode(Quad(quad.triple, graph: destination)))
        }
        if removingSource {
            let encoded = sourceQuads.map { overlay.encode($0) }
            overlay.delete(encoded)
        }
    }

    static func exists<D: QueryableDataset>(_ graph: GraphName, in overlay: OverlayDataset<D>) -> Bool {
        guard let term = graph.term else { return true }
        guard let id = overlay.id(of: term) else { return false }
        return overlay.quads(matching: EncodedQuadPattern(graph: id)).contains { _ in true }
    }

    static func quads<D: QueryableDataset>(in graph: GraphName, of overlay: OverlayDataset<D>, deadline: Deadline) throws -> [Quad] {
        guard let id = overlay.id(of: graph) else { return [] }
        var quads: [Quad] = []
        for quad in overlay.quads(matching: EncodedQuadPattern(graph: id)) {
            try deadline.tick()
            quads.append(overlay.quad(for: quad))
        }
        return quads
    }
}

/// Why an update operation failed. Nothing of the request is applied then.
public enum UpdateError: Error, Sendable, Hashable, CustomStringConvertible {
    case graphExists(IRI)
    case graphDoesNotExist(GraphName)
    case loadUnsupported(IRI)
    case loadFailed(IRI, String)

    public var description: String {
        switch self {
        case .graphExists(let iri): "CREATE GRAPH \(iri): the graph already exists (use CREATE SILENT to ignore this)"
        case .graphDoesNotExist(let graph): "the graph \(graph) does not exist (use SILENT to ignore this)"
        case .loadUnsupported(let iri): "LOAD \(iri): loading documents is not available here"
        case .loadFailed(let iri, let reason): "LOAD \(iri) failed: \(reason)"
        }
    }
}

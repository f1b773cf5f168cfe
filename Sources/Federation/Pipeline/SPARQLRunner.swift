import RDF
import SPARQL

/// Runs the shipped SPARQL files over a working graph through the SPARQL module's public API.
enum SPARQLRunner {
    /// The rows of a SELECT, as `[variable: term]`.
    static func select<D: QueryableDataset>(_ text: String, in graph: D, file: String) throws -> [[String: Term]] {
        let query: Query
        do {
            query = try SPARQLParser.parseQuery(text)
        } catch {
            throw FederationError(.configuration, "\(file): \(error)")
        }
        guard case .solutions(var solutions) = try QueryEvaluator().evaluate(query, in: graph) else {
            throw FederationError(.configuration, "\(file): not a SELECT query")
        }
        var rows: [[String: Term]] = []
        while let row = try solutions.next() {
            var named: [String: Term] = [:]
            for (variable, value) in zip(solutions.variables, row) where value != nil { named[variable.name] = value }
            rows.append(named)
        }
        return rows
    }

    /// Applies a SPARQL Update to the graph and returns the result with how many triples it removed and added.
    static func update(_ text: String, on graph: WorkingGraph, file: String) throws -> (graph: WorkingGraph, removed: Int, added: Int) {
        let update: Update
        do {
            update = try SPARQLParser.parseUpdate(text)
        } catch {
            throw FederationError(.configuration, "\(file): \(error)")
        }
        let change = try UpdateExecutor().changes(for: update, in: graph)
        guard !change.deletions.isEmpty || !change.insertions.isEmpty else { return (graph, 0, 0) }
        let removed = Set(change.deletions.filter { $0.graph == .defaultGraph }.map(\.triple))
        var result = WorkingGraph(graph.triples.filter { !removed.contains($0) })
        for quad in change.insertions where quad.graph == .defaultGraph { result.insert(quad.triple) }
        return (result, removed.count, change.insertions.count)
    }
}

import RDF

extension Update: CustomStringConvertible {
    /// The request as SPARQL Update text that parses back to an equal `Update`: operations separated by `;`,
    /// IRIs written in full, WITH kept only where it set the WHERE clause's dataset (its template effect is already
    /// written out as GRAPH blocks).
    public var description: String {
        var writer = SPARQLWriter()
        if let baseIRI { writer.line("BASE \(IRI(baseIRI))") }
        for (index, operation) in operations.enumerated() {
            if index > 0 { writer.line(";") }
            writer.operation(operation)
        }
        return writer.output
    }
}

extension SPARQLWriter {
    mutating func operation(_ operation: GraphUpdateOperation) {
        switch operation {
        case .insertData(let quads):
            quadBlock("INSERT DATA {", quads.map(dataParts))
        case .deleteData(let quads):
            quadBlock("DELETE DATA {", quads.map(dataParts))
        case .deleteInsert(let delete, let insert, let using, let pattern):
            if let using, using.inheritsNamedGraphs, let graph = using.defaultGraphs.first { line("WITH \(graph)") }
            if !delete.isEmpty || insert.isEmpty { quadBlock("DELETE {", delete.map(quadParts)) }
            if !insert.isEmpty { quadBlock("INSERT {", insert.map(quadParts)) }
            if let using, !using.inheritsNamedGraphs {
                for graph in using.defaultGraphs { line("USING \(graph)") }
                for graph in using.namedGraphs { line("USING NAMED \(graph)") }
            }
            block("WHERE {", pattern)
        case .load(let silent, let source, let destination):
            let into = destination == .defaultGraph ? "" : " INTO GRAPH \(destination)"
            line("LOAD \(silent ? "SILENT " : "")\(source)\(into)")
        case .clear(let silent, let target): line("CLEAR \(silent ? "SILENT " : "")\(graphTarget(target))")
        case .drop(let silent, let target): line("DROP \(silent ? "SILENT " : "")\(graphTarget(target))")
        case .create(let silent, let graph): line("CREATE \(silent ? "SILENT " : "")GRAPH \(graph)")
        case .add(let silent, let from, let to): line("ADD \(silent ? "SILENT " : "")\(graphOrDefault(from)) TO \(graphOrDefault(to))")
        case .move(let silent, let from, let to): line("MOVE \(silent ? "SILENT " : "")\(graphOrDefault(from)) TO \(graphOrDefault(to))")
        case .copy(let silent, let from, let to): line("COPY \(silent ? "SILENT " : "")\(graphOrDefault(from)) TO \(graphOrDefault(to))")
        }
    }

    private func quadParts(_ quad: QuadPattern) -> (String, String, String, String?) {
        let graph: String? =
            switch quad.graph {
            case .defaultGraph: nil
            case .iri(let iri): iri.description
            case .variable(let v): SPARQLTerms.variable(v)
            }
        return (SPARQLTerms.position(quad.subject), SPARQLTerms.position(quad.predicate), SPARQLTerms.position(quad.object), graph)
    }

    private func dataParts(_ quad: Quad) -> (String, String, String, String?) {
        let graph = quad.graph == .defaultGraph ? nil : quad.graph.description
        return (SPARQLTerms.term(quad.subject), SPARQLTerms.term(quad.predicate), SPARQLTerms.term(quad.object), graph)
    }

    /// Quads grouped into runs by graph: default-graph triples bare, the others in `GRAPH g { … }`.
    private mutating func quadBlock(_ opening: String, _ quads: [(String, String, String, String?)]) {
        line(opening)
        indented { writer in
            var index = 0
            while index < quads.count {
                let graph = quads[index].3
                var end = index
                while end < quads.count, quads[end].3 == graph { end += 1 }
                if let graph {
                    writer.line("GRAPH \(graph) {")
                    writer.indented { w in for q in quads[index..<end] { w.line("\(q.0) \(q.1) \(q.2) .") } }
                    writer.line("}")
                } else {
                    for q in quads[index..<end] { writer.line("\(q.0) \(q.1) \(q.2) .") }
                }
                index = end
            }
        }
        line("}")
    }

    private func graphTarget(_ target: GraphTarget) -> String {
        switch target {
        case .graph(let iri): "GRAPH \(iri)"
        case .defaultGraph: "DEFAULT"
        case .allNamed: "NAMED"
        case .all: "ALL"
        }
    }

    private func graphOrDefault(_ graph: GraphName) -> String {
        graph == .defaultGraph ? "DEFAULT" : "GRAPH \(graph)"
    }
}

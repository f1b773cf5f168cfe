public import RDF

/// The bytes of a JSON-LD document: header, node objects, values, footer; and the streaming grouping.
extension JSONLDSerializer {
    /// What `.consecutiveSubjects` has gathered and what it has left open in the output.
    struct StreamState {
        var started = false
        /// Whether the top-level `@graph` array has an item yet.
        var hasTopLevelItem = false
        /// The named graph whose graph object is open, if any.
        var openGraph: GraphName?
        var hasItemInOpenGraph = false
        var graph: GraphName = .defaultGraph
        var subject: Term?
        var pairs: [(predicate: IRI, object: Term)] = []
    }

    // MARK: Streaming

    func streamWrite(_ quad: Quad) throws {
        startStreamIfNeeded()
        if quad.graph != stream.graph || quad.subject != stream.subject {
            try flushRun()
            stream.graph = quad.graph
            stream.subject = quad.subject
        }
        guard let predicate = quad.predicate.iri else { return }
        stream.pairs.append((predicate, quad.object))
    }

    func streamFinish() throws {
        startStreamIfNeeded()
        try flushRun()
        closeOpenGraph()
        writeFooter(empty: !stream.hasTopLevelItem)
    }

    private func startStreamIfNeeded() {
        guard !stream.started else { return }
        stream.started = true
        writeHeader(prefixes.sorted())
    }

    /// Writes the gathered run as one node object, opening or closing a graph object first if the graph changed.
    private func flushRun() throws {
        guard let subject = stream.subject, !stream.pairs.isEmpty else { return }
        if stream.graph != (stream.openGraph ?? .defaultGraph) {
            closeOpenGraph()
            if let name = stream.graph.term {
                if stream.hasTopLevelItem { output.raw(",") }
                output.newline(indent: 2)
                output.raw("{")
                output.newline(indent: 3)
                output.raw("\"@id\": ")
                try writeID(name)
                output.raw(",")
                output.newline(indent: 3)
                output.raw("\"@graph\": [")
                stream.openGraph = stream.graph
                stream.hasItemInOpenGraph = false
                stream.hasTopLevelItem = true
            }
        }
        let pairs = stream.pairs.sorted { a, b in
            let order = Self.compare(a.predicate.value, b.predicate.value)
            return order != 0 ? order < 0 : Self.precedes(a.object, b.object)
        }
        var unique: [(predicate: IRI, object: Term)] = []
        for pair in pairs where unique.last.map({ $0.predicate != pair.predicate || $0.object != pair.object }) ?? true {
            unique.append(pair)
        }
        if stream.openGraph == nil {
            try writeNode(subject, unique, indent: 2, first: !stream.hasTopLevelItem, graph: nil)
            stream.hasTopLevelItem = true
        } else {
            try writeNode(subject, unique, indent: 4, first: !stream.hasItemInOpenGraph, graph: nil)
            stream.hasItemInOpenGraph = true
        }
        stream.pairs.removeAll(keepingCapacity: true)
    }

    private func closeOpenGraph() {
        guard stream.openGraph != nil else { return }
        output.newline(indent: 3)
        output.raw("]")
        output.newline(indent: 2)
        output.raw("}")
        stream.openGraph = nil
    }

    // MARK: Document

    func writeHeader(_ context: [(name: String, namespace: String)]) {
        output.raw("{")
        output.newline(indent: 1)
        output.raw("\"@context\": {")
        for (index, prefix) in context.enumerated() {
            if index > 0 { output.raw(",") }
            output.newline(indent: 2)
            output.string(prefix.name)
            output.raw(": ")
            output.string(prefix.namespace)
        }
        if !context.isEmpty { output.newline(indent: 1) }
        output.raw("},")
        output.newline(indent: 1)
        output.raw("\"@graph\": [")
    }

    func writeFooter(empty: Bool) {
        if !empty { output.newline(indent: 1) }
        output.raw("]")
        output.newline(indent: 0)
        output.raw("}\n")
    }

    /// One node object: `@id`, `@type`, the properties sorted by key, and the node's named graph if `graph` is given
    /// (its subjects' runs of quads, sorted).
    /// - Parameters:
    ///   - pairs: sorted by predicate, then object, without duplicates.
    func writeNode(
        _ id: Term,
        _ pairs: [(predicate: IRI, object: Term)],
        indent: Int,
        first: Bool,
        graph: [ArraySlice<Quad>]?
    ) throws {
        if !first { output.raw(",") }
        output.newline(indent: indent)
        output.raw("{")
        output.newline(indent: indent + 1)
        output.raw("\"@id\": ")
        try writeID(id)
        var types: [String] = []
        var properties: [(key: String, values: [Term])] = []
        for (predicate, object) in pairs {
            if predicate == RDFVocabulary.type, case .iri(let type) = object {
                types.append(try iriText(type.value))
            } else {
                let key = try iriText(predicate.value)
                if properties.last?.key == key {
                    properties[properties.count - 1].values.append(object)
                } else {
                    properties.append((key, [object]))
                }
            }
        }
        if !types.isEmpty {
            output.raw(",")
            output.newline(indent: indent + 1)
            output.raw("\"@type\": ")
            if types.count == 1 {
                output.string(types[0])
            } else {
                output.raw("[")
                for (index, type) in types.enumerated() {
                    if index > 0 { output.raw(", ") }
                    output.string(type)
                }
                output.raw("]")
            }
        }
        properties.sort { CodePoints.less($0.key, $1.key) }
        for (key, values) in properties {
            output.raw(",")
            output.newline(indent: indent + 1)
            output.string(key)
            output.raw(": ")
            if values.count == 1 {
                try writeValue(values[0])
            } else {
                output.raw("[")
                for (index, value) in values.enumerated() {
                    if index > 0 { output.raw(",") }
                    output.newline(indent: indent + 2)
                    try writeValue(value)
                }
                output.newline(indent: indent + 1)
                output.raw("]")
            }
        }
        if let graph {
            output.raw(",")
            output.newline(indent: indent + 1)
            output.raw("\"@graph\": [")
            for (index, run) in graph.enumerated() {
                guard let subject = run.first?.subject else { continue }
                try writeNode(subject, Self.pairs(run), indent: indent + 2, first: index == 0, graph: nil)
            }
            output.newline(indent: indent + 1)
            output.raw("]")
        }
        output.newline(indent: indent)
        output.raw("}")
        try output.flushIfFull()
    }

    private func writeID(_ term: Term) throws {
        switch term {
        case .iri(let iri): output.string(try iriText(iri.value))
        case .blankNode(let node): output.string("_:" + NTriples.safeBlankNodeLabel(node.id))
        case .literal: throw JSONLDError(.unserializable, "a literal cannot be a subject or a graph name: \(term)")
        }
    }

    private func writeValue(_ term: Term) throws {
        switch term {
        case .iri, .blankNode:
            output.raw("{\"@id\": ")
            try writeID(term)
            output.raw("}")
        case .literal(let literal):
            if literal.isSimple {
                output.string(literal.lexicalForm)
                return
            }
            output.raw("{\"@value\": ")
            output.string(literal.lexicalForm)
            if let language = literal.language {
                output.raw(", \"@language\": ")
                output.string(language)
            } else {
                output.raw(", \"@type\": ")
                output.string(try iriText(literal.datatype.value))
            }
            output.raw("}")
        }
    }

    /// An IRI as written: compact when a prefix applies, else in full.
    /// - Throws: `JSONLDError` (`.unserializable`) if the full IRI would read back as a compact IRI (only possible when
    ///   streaming; grouping by subject leaves such prefixes out).
    private func iriText(_ iri: String) throws -> String {
        if let compact = prefixes.compact(iri) { return compact }
        if let name = prefixes.misreading(iri) {
            throw JSONLDError(
                .unserializable,
                "the IRI <\(iri)> would read back as a compact IRI with the prefix \"\(name)\"; drop that prefix or group by subject"
            )
        }
        return iri
    }
}

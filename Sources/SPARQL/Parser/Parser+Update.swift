import RDF

/// SPARQL 1.1 Update (https://www.w3.org/TR/sparql11-update/#grammar).
extension Parser {
    /// Update ::= Prologue ( Update1 ( ';' Update )? )?
    mutating func parseUpdate() throws -> Update {
        var operations: [GraphUpdateOperation] = []
        try parsePrologue()
        while token.kind != .end {
            operations.append(try parseOperation())
            earlierOperationLabels.formUnion(operationLabels)
            operationLabels = []
            guard try accept(.semicolon) else { break }
            try parsePrologue()
        }
        guard token.kind == .end else { throw unexpected("';' or the end of the update") }
        return Update(operations: operations, baseIRI: baseIRI)
    }

    private mutating func parseOperation() throws -> GraphUpdateOperation {
        guard case .keyword(let word) = token.kind else { throw unexpectedOperation() }
        switch word {
        case "LOAD":
            try advance()
            let silent = try accept(keyword: "SILENT")
            let source = try parseIRI("an IRI after LOAD")
            var destination = GraphName.defaultGraph
            if try accept(keyword: "INTO") {
                try expect(keyword: "GRAPH", " after INTO")
                destination = .iri(try parseIRI("an IRI after INTO GRAPH"))
            }
            return .load(silent: silent, source: source, destination: destination)
        case "CLEAR", "DROP":
            try advance()
            let silent = try accept(keyword: "SILENT")
            let target = try parseGraphTarget(word)
            return word == "CLEAR" ? .clear(silent: silent, target: target) : .drop(silent: silent, target: target)
        case "CREATE":
            try advance()
            let silent = try accept(keyword: "SILENT")
            try expect(keyword: "GRAPH", " after CREATE")
            return .create(silent: silent, graph: try parseIRI("an IRI after CREATE GRAPH"))
        case "ADD", "MOVE", "COPY":
            try advance()
            let silent = try accept(keyword: "SILENT")
            let from = try parseGraphOrDefault(word)
            try expect(keyword: "TO", " in \(word)")
            let to = try parseGraphOrDefault(word)
            switch word {
            case "ADD": return .add(silent: silent, from: from, to: to)
            case "MOVE": return .move(silent: silent, from: from, to: to)
            default: return .copy(silent: silent, from: from, to: to)
            }
        case "INSERT":
            try advance()
            if try accept(keyword: "DATA") { return .insertData(try parseQuadData(.insertData)) }
            let insert = try parseQuadPattern(.template)
            return try parseModify(with: nil, delete: [], insert: insert)
        case "DELETE":
            try advance()
            if try accept(keyword: "DATA") { return .deleteData(try parseQuadData(.deleteData)) }
            if try accept(keyword: "WHERE") { return try parseDeleteWhere() }
            let delete = try parseQuadPattern(.deleteTemplate)
            let insert = try accept(keyword: "INSERT") ? try parseQuadPattern(.template) : []
            return try parseModify(with: nil, delete: delete, insert: insert)
        case "WITH":
            try advance()
            let graph = try parseIRI("an IRI after WITH")
            var delete: [QuadPattern] = []
            var insert: [QuadPattern] = []
            var any = false
            if try accept(keyword: "DELETE") {
                delete = try parseQuadPattern(.deleteTemplate)
                any = true
            }
            if try accept(keyword: "INSERT") {
                insert = try parseQuadPattern(.template)
                any = true
            }
            if !any { throw unexpected("DELETE or INSERT after WITH") }
            return try parseModify(with: graph, delete: delete, insert: insert)
        default:
            throw unexpectedOperation()
        }
    }

    private func unexpectedOperation() -> SPARQLSyntaxError {
        unexpected("an update operation (INSERT, DELETE, WITH, LOAD, CLEAR, DROP, CREATE, ADD, MOVE or COPY)")
    }

    /// GraphRefAll ::= GraphRef | 'DEFAULT' | 'NAMED' | 'ALL'
    private mutating func parseGraphTarget(_ operation: String) throws -> GraphTarget {
        if try accept(keyword: "GRAPH") { return .graph(try parseIRI("an IRI after GRAPH")) }
        if try accept(keyword: "DEFAULT") { return .defaultGraph }
        if try accept(keyword: "NAMED") { return .allNamed }
        if try accept(keyword: "ALL") { return .all }
        throw unexpected("GRAPH, DEFAULT, NAMED or ALL after \(operation)")
    }

    /// GraphOrDefault ::= 'DEFAULT' | 'GRAPH'? iri
    private mutating func parseGraphOrDefault(_ operation: String) throws -> GraphName {
        if try accept(keyword: "DEFAULT") { return .defaultGraph }
        let hasGraph = try accept(keyword: "GRAPH")
        guard hasGraph || isAtIRI else { throw unexpected("DEFAULT, GRAPH or an IRI in \(operation)") }
        return .iri(try parseIRI("an IRI after GRAPH"))
    }

    /// The rest of Modify: UsingClause* 'WHERE' GroupGraphPattern, with WITH folded into the templates and dataset.
    private mutating func parseModify(with graph: IRI?, delete: [QuadPattern], insert: [QuadPattern]) throws -> GraphUpdateOperation {
        var defaultGraphs: [IRI] = []
        var namedGraphs: [IRI] = []
        var hasUsing = false
        while try accept(keyword: "USING") {
            hasUsing = true
            if try accept(keyword: "NAMED") {
                namedGraphs.append(try parseIRI("an IRI after USING NAMED"))
            } else {
                defaultGraphs.append(try parseIRI("an IRI or NAMED after USING"))
            }
        }
        try expect(keyword: "WHERE", hasUsing ? " or USING" : ", USING or INSERT")
        let pattern = try parseGroupGraphPattern().pattern
        var using: QueryDataset?
        if hasUsing {
            using = QueryDataset(defaultGraphs: defaultGraphs, namedGraphs: namedGraphs)
        } else if let graph {
            var dataset = QueryDataset(defaultGraphs: [graph])
            dataset.inheritsNamedGraphs = true
            using = dataset
        }
        func applyWith(_ quads: [QuadPattern]) -> [QuadPattern] {
            guard let graph else { return quads }
            return quads.map { quad in
                var quad = quad
                if quad.graph == .defaultGraph { quad.graph = .iri(graph) }
                return quad
            }
        }
        return .deleteInsert(delete: applyWith(delete), insert: applyWith(insert), using: using, pattern: pattern)
    }

    /// DeleteWhere ::= 'DELETE WHERE' QuadPattern: the quads are both the template and the pattern.
    private mutating func parseDeleteWhere() throws -> GraphUpdateOperation {
        let blocks = try parseQuadBlocks(.deleteWhere)
        var pattern = GraphPattern.empty
        for block in blocks where !block.triples.isEmpty || block.graph != .defaultGraph {
            let bgp: GraphPattern = block.triples.isEmpty ? .empty : .bgp(block.triples)
            switch block.graph {
            case .defaultGraph: pattern = GroupBuilder.join(pattern, bgp)
            case .iri(let iri): pattern = GroupBuilder.join(pattern, .graph(name: .term(.iri(iri)), bgp))
            case .variable(let variable): pattern = GroupBuilder.join(pattern, .graph(name: .variable(variable), bgp))
            }
        }
        return .deleteInsert(delete: Self.quads(blocks), insert: [], using: nil, pattern: pattern)
    }

    /// QuadPattern ::= '{' Quads '}'
    private mutating func parseQuadPattern(_ context: TriplesContext) throws -> [QuadPattern] {
        let blocks = try parseQuadBlocks(context)
        try checkDeadline()
        return Self.quads(blocks)
    }

    /// QuadData ::= '{' Quads '}', without variables.
    private mutating func parseQuadData(_ context: TriplesContext) throws -> [Quad] {
        let patterns = try parseQuadPattern(context)
        try checkDeadline()
        return patterns.map { quad in
            // Variables were refused while parsing, so every position holds a term.
            let graph: GraphName = if case .iri(let iri) = quad.graph { .iri(iri) } else { .defaultGraph }
            return Quad(quad.subject.term!, quad.predicate.term!, quad.object.term!, graph: graph)
        }
    }

    private static func quads(_ blocks: [(graph: GraphNamePattern, triples: [TriplePattern])]) -> [QuadPattern] {
        blocks.flatMap { block in block.triples.map { QuadPattern($0.subject, $0.predicate, $0.object, graph: block.graph) } }
    }

    /// Quads ::= TriplesTemplate? ( QuadsNotTriples '.'? TriplesTemplate? )*, as blocks in order.
    private mutating func parseQuadBlocks(_ context: TriplesContext) throws -> [(graph: GraphNamePattern, triples: [TriplePattern])] {
        try expect(.openBrace)
        var blocks: [(graph: GraphNamePattern, triples: [TriplePattern])] = []
        var needsSeparator = false
        while !(try accept(.closeBrace)) {
            if token.startsTerm {
                if needsSeparator { throw unexpected("'.' or '}' after the triple") }
                var elements: [PatternElement] = []
                needsSeparator = !(try parseTriplesBlock(context, into: &elements))
                blocks.append((.defaultGraph, Self.triples(elements)))
            } else if try accept(keyword: "GRAPH") {
                let nameToken = token
                let name = try parseVariableOrIRI("a variable or IRI after GRAPH")
                let graph: GraphNamePattern
                switch name {
                case .variable(let variable):
                    guard context.allowsVariables else { throw error("variables are not allowed in \(context.name)", at: nameToken) }
                    graph = .variable(variable)
                case .term(let term): graph = term.iri.map { .iri($0) } ?? .defaultGraph
                }
                try expect(.openBrace, " after the graph name")
                var elements: [PatternElement] = []
                if token.startsTerm { _ = try parseTriplesBlock(context, into: &elements) }
                try expect(.closeBrace, " to close the GRAPH block")
                blocks.append((graph, Self.triples(elements)))
                _ = try accept(.dot)
                needsSeparator = false
            } else {
                throw unexpected("a triple, GRAPH or '}'")
            }
        }
        return blocks
    }
}

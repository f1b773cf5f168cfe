import RDF

/// What a triples production may contain, by where it appears (WHERE clause, templates, update data).
struct TriplesContext {
    enum BlankNodes {
        /// WHERE clauses: blank nodes are generated variables (§4.1.4).
        case variables
        /// CONSTRUCT and INSERT templates, INSERT DATA: blank nodes stay blank nodes.
        case terms
        /// DELETE templates, DELETE DATA, DELETE WHERE (SPARQL Update §3.1.3, §3.1.2).
        case forbidden
    }

    var allowsVariables: Bool
    var blankNodes: BlankNodes
    var allowsPaths: Bool
    /// The place, for error messages: "blank nodes are not allowed in DELETE DATA".
    var name: String
    /// INSERT DATA: a label names one blank node per request, so operations may not share it (SPARQL Update §19.6).
    var confinesLabelsToOperation = false

    static let pattern = TriplesContext(allowsVariables: true, blankNodes: .variables, allowsPaths: true, name: "a WHERE clause")
    static let template = TriplesContext(allowsVariables: true, blankNodes: .terms, allowsPaths: false, name: "a template")
    static let deleteTemplate = TriplesContext(allowsVariables: true, blankNodes: .forbidden, allowsPaths: false, name: "a DELETE template")
    static let deleteWhere = TriplesContext(allowsVariables: true, blankNodes: .forbidden, allowsPaths: false, name: "DELETE WHERE")
    static let insertData = TriplesContext(
        allowsVariables: false, blankNodes: .terms, allowsPaths: false, name: "INSERT DATA", confinesLabelsToOperation: true)
    static let deleteData = TriplesContext(allowsVariables: false, blankNodes: .forbidden, allowsPaths: false, name: "DELETE DATA")
}

/// A triple pattern or a path pattern, before adjacent triples are gathered into basic graph patterns (§18.2.2.4).
enum PatternElement: Hashable {
    case triple(TriplePattern)
    case path(TermPattern, PropertyPath, TermPattern)
}

/// The predicate position: a variable or IRI, or a property path.
enum Verb {
    case term(TermPattern)
    case path(PropertyPath)
}

extension Parser {
    /// TriplesBlock / TriplesTemplate / ConstructTriples: `TriplesSameSubject ( '.' … )?`.
    /// - Returns: whether the block ended with a '.'.
    mutating func parseTriplesBlock(_ context: TriplesContext, into elements: inout [PatternElement]) throws -> Bool {
        while true {
            try parseTriplesSameSubject(context, into: &elements)
            guard try accept(.dot) else { return false }
            guard token.startsTerm else { return true }
        }
    }

    /// TriplesSameSubject(Path) ::= VarOrTerm PropertyListNotEmpty | TriplesNode PropertyList
    mutating func parseTriplesSameSubject(_ context: TriplesContext, into elements: inout [PatternElement]) throws {
        if token.isPunctuation(.openBracket) || token.isPunctuation(.openParenthesis) {
            let subject = try parseGraphNode(context, into: &elements)
            if startsVerb(context) { try parsePropertyList(subject: subject, context, into: &elements) }
        } else {
            let subject = try parseVariableOrTerm(context, "a triple pattern")
            guard startsVerb(context) else { throw unexpected(context.allowsPaths ? "a predicate or property path" : "a predicate") }
            try parsePropertyList(subject: subject, context, into: &elements)
        }
    }

    func startsVerb(_ context: TriplesContext) -> Bool {
        switch token.kind {
        case .variable, .iri, .prefixedName, .a: true
        case .punctuation(let p): context.allowsPaths && (p == .caret || p == .bang || p == .openParenthesis)
        default: false
        }
    }

    /// PropertyListNotEmpty ::= Verb ObjectList ( ';' ( Verb ObjectList )? )*
    mutating func parsePropertyList(subject: TermPattern, _ context: TriplesContext, into elements: inout [PatternElement]) throws {
        while true {
            let verb = try parseVerb(context)
            try parseObjectList(subject: subject, verb: verb, context, into: &elements)
            guard try accept(.semicolon) else { return }
            while try accept(.semicolon) {}
            guard startsVerb(context) else { return }
        }
    }

    /// ObjectList ::= Object ( ',' Object )*
    private mutating func parseObjectList(subject: TermPattern, verb: Verb, _ context: TriplesContext, into elements: inout [PatternElement]) throws {
        repeat {
            // The triple comes before those of a blank node or list in object position, as the text reads.
            var nested: [PatternElement] = []
            let object = try parseGraphNode(context, into: &nested)
            switch verb {
            case .term(let predicate): elements.append(.triple(TriplePattern(subject, predicate, object)))
            case .path(let path): translate(subject, path, object, into: &elements)
            }
            elements.append(contentsOf: nested)
        } while try accept(.comma)
    }

    private mutating func parseVerb(_ context: TriplesContext) throws -> Verb {
        if case .variable(let name) = token.kind {
            guard context.allowsVariables else { throw error("variables are not allowed in \(context.name)", at: token) }
            try advance()
            return .term(.variable(Variable(name)))
        }
        if token.kind == .a, !context.allowsPaths {
            try advance()
            return .term(.term(.iri(RDFVocabulary.type)))
        }
        guard context.allowsPaths else { return .term(.term(.iri(try parseIRI("a predicate")))) }
        let path = try parsePath()
        if case .predicate(let iri) = path { return .term(.term(.iri(iri))) }
        return .path(path)
    }

    /// Adds `subject path object` as §18.2.2.4 translates it: `^iri` swaps subject and object, a sequence introduces
    /// a fresh variable between its steps, and any other path stays a path pattern.
    private mutating func translate(_ subject: TermPattern, _ path: PropertyPath, _ object: TermPattern, into elements: inout [PatternElement]) {
        switch path {
        case .predicate(let iri): elements.append(.triple(TriplePattern(subject, .term(.iri(iri)), object)))
        case .inverse(.predicate(let iri)): elements.append(.triple(TriplePattern(object, .term(.iri(iri)), subject)))
        case .sequence(let first, let second):
            let middle = TermPattern.variable(freshVariable())
            translate(subject, first, middle, into: &elements)
            translate(middle, second, object, into: &elements)
        default: elements.append(.path(subject, path, object))
        }
    }

    /// GraphNode(Path) ::= VarOrTerm | TriplesNode(Path); nested triples go to `elements`.
    mutating func parseGraphNode(_ context: TriplesContext, into elements: inout [PatternElement]) throws -> TermPattern {
        if token.isPunctuation(.openBracket) { return try parseBlankNodePropertyList(context, into: &elements) }
        if token.isPunctuation(.openParenthesis) { return try parseCollection(context, into: &elements) }
        return try parseVariableOrTerm(context, "an object")
    }

    /// BlankNodePropertyList(Path) ::= '[' PropertyListNotEmpty ']'
    private mutating func parseBlankNodePropertyList(_ context: TriplesContext, into elements: inout [PatternElement]) throws -> TermPattern {
        try advance()
        try enter()
        let node = try newBlankNode(context)
        try parsePropertyList(subject: node, context, into: &elements)
        try expect(.closeBracket, " to close the blank node property list")
        leave()
        return node
    }

    /// Collection(Path) ::= '(' GraphNode+ ')', as rdf:first / rdf:rest triples.
    private mutating func parseCollection(_ context: TriplesContext, into elements: inout [PatternElement]) throws -> TermPattern {
        try advance()
        try enter()
        var items: [TermPattern] = []
        repeat {
            guard token.startsTerm else { throw unexpected("a list item or ')'") }
            items.append(try parseGraphNode(context, into: &elements))
        } while !(try accept(.closeParenthesis))
        leave()
        return try list(items, context, into: &elements)
    }

    /// The list node for `items`, adding its rdf:first / rdf:rest triples.
    private mutating func list(_ items: [TermPattern], _ context: TriplesContext, into elements: inout [PatternElement]) throws -> TermPattern {
        var nodes: [TermPattern] = []
        for _ in items { nodes.append(try newBlankNode(context)) }
        for (index, item) in items.enumerated() {
            let rest = index + 1 < nodes.count ? nodes[index + 1] : .term(.iri(RDFVocabulary.nil))
            elements.append(.triple(TriplePattern(nodes[index], .term(.iri(RDFVocabulary.first)), item)))
            elements.append(.triple(TriplePattern(nodes[index], .term(.iri(RDFVocabulary.rest)), rest)))
        }
        return nodes[0]
    }

    /// VarOrTerm: a variable, IRI, literal, blank node or `()`.
    mutating func parseVariableOrTerm(_ context: TriplesContext, _ expected: String) throws -> TermPattern {
        switch token.kind {
        case .variable(let name):
            guard context.allowsVariables else { throw error("variables are not allowed in \(context.name)", at: token) }
            try advance()
            return .variable(Variable(name))
        case .iri, .prefixedName: return .term(.iri(try parseIRI()))
        case .blankNodeLabel(let label):
            let node = try labelledBlankNode(label, context)
            try advance()
            return node
        case .emptyBrackets:
            let node = try newBlankNode(context)
            try advance()
            return node
        case .emptyParentheses:
            try advance()
            return .term(.iri(RDFVocabulary.nil))
        default:
            guard let literal = try parseLiteral() else { throw unexpected(expected) }
            return .term(.literal(literal))
        }
    }

    /// `[]`, `[ … ]` and list nodes.
    private mutating func newBlankNode(_ context: TriplesContext) throws -> TermPattern {
        switch context.blankNodes {
        case .variables: return .variable(freshVariable())
        case .terms: return .term(.blankNode(BlankNode("#\(freshVariable().name.dropFirst(3))")))
        case .forbidden: throw error("blank nodes are not allowed in \(context.name)", at: token)
        }
    }

    /// `_:label`, at the current token.
    private mutating func labelledBlankNode(_ label: String, _ context: TriplesContext) throws -> TermPattern {
        if context.confinesLabelsToOperation {
            if earlierOperationLabels.contains(label) {
                throw error("blank node label '_:\(label)' is already used by an earlier INSERT DATA of this request", at: token)
            }
            operationLabels.insert(label)
        }
        switch context.blankNodes {
        case .variables:
            switch blankNodes.lookup(label) {
            case .some(.some(let variable)): return .variable(variable)
            case .some(.none):
                throw error("blank node label '_:\(label)' is already used in another basic graph pattern", at: token)
            case .none:
                let variable = freshVariable()
                blankNodes.bind(label, to: variable)
                return .variable(variable)
            }
        case .terms: return .term(.blankNode(BlankNode(label)))
        case .forbidden: throw error("blank nodes are not allowed in \(context.name)", at: token)
        }
    }
}

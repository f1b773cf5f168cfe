import RDF

extension Parser {
    /// Prologue ::= ( BaseDecl | PrefixDecl )*
    mutating func parsePrologue() throws {
        while true {
            if try accept(keyword: "BASE") {
                guard case .iri(let reference) = token.kind else { throw unexpected("an IRI in angle brackets after BASE") }
                baseIRI = resolve(reference)
                try advance()
            } else if try accept(keyword: "PREFIX") {
                guard case .prefixedName(let prefix, let local) = token.kind, local.isEmpty else {
                    throw unexpected("a prefix name ending in ':' after PREFIX")
                }
                try advance()
                guard case .iri(let reference) = token.kind else { throw unexpected("an IRI in angle brackets for prefix '\(prefix):'") }
                prefixes[prefix] = resolve(reference)
                try advance()
            } else {
                return
            }
        }
    }

    /// `reference` resolved against the current base IRI (RFC 3986 §5.2); unchanged when there is no absolute base.
    func resolve(_ reference: String) -> String {
        if IRIResolution.isPlainAbsolute(reference) { return reference }
        guard let baseIRI, IRIResolution.isAbsolute(baseIRI) else { return reference }
        return IRIResolution.resolve(reference, against: baseIRI)
    }

    var isAtVariable: Bool {
        if case .variable = token.kind { return true }
        return false
    }

    var isAtIRI: Bool {
        switch token.kind {
        case .iri, .prefixedName: true
        default: false
        }
    }

    /// iri ::= IRIREF | PrefixedName
    @inline(never)
    mutating func parseIRI(_ expected: String = "an IRI") throws -> IRI {
        let iri: IRI
        switch token.kind {
        case .iri(let reference): iri = IRI(resolve(reference))
        case .prefixedName(let prefix, let local): iri = try expand(prefix: prefix, local: local)
        default: throw unexpected(expected)
        }
        try advance()
        return iri
    }

    func expand(prefix: String, local: String) throws -> IRI {
        guard let namespace = prefixes[prefix] else { throw error("undeclared prefix '\(prefix):'", at: token) }
        return IRI(namespace + local)
    }

    /// Var ::= VAR1 | VAR2
    @inline(never)
    mutating func parseVariable(_ expected: String = "a variable") throws -> Variable {
        guard case .variable(let name) = token.kind else { throw unexpected(expected) }
        try advance()
        return Variable(name)
    }

    /// String ::= STRING_LITERAL1 | STRING_LITERAL2 | STRING_LITERAL_LONG1 | STRING_LITERAL_LONG2
    @inline(never)
    mutating func parseString(_ expected: String = "a string") throws -> String {
        guard case .string(let value) = token.kind else { throw unexpected(expected) }
        try advance()
        return value
    }

    /// RDFLiteral, NumericLiteral or BooleanLiteral at the current token, or `nil` if it is none of these.
    @inline(never)
    mutating func parseLiteral() throws -> Literal? {
        switch token.kind {
        case .string(let value):
            try advance()
            if case .languageTag(let tag) = token.kind {
                try advance()
                return Literal(value, language: tag)
            }
            if try accept(.doubleCaret) { return Literal(value, datatype: try parseIRI("a datatype IRI after '^^'")) }
            return Literal(value)
        case .integer(let lexical):
            try advance()
            return Literal(lexical, datatype: XSD.integer)
        case .decimal(let lexical):
            try advance()
            return Literal(lexical, datatype: XSD.decimal)
        case .double(let lexical):
            try advance()
            return Literal(lexical, datatype: XSD.double)
        case .keyword("TRUE"), .keyword("FALSE"):
            let value = token.kind == .keyword("TRUE") ? "true" : "false"
            try advance()
            return Literal(value, datatype: XSD.boolean)
        default:
            return nil
        }
    }

    /// VarOrIri, as a term pattern.
    mutating func parseVariableOrIRI(_ expected: String) throws -> TermPattern {
        if case .variable(let name) = token.kind {
            try advance()
            return .variable(Variable(name))
        }
        guard isAtIRI else { throw unexpected(expected) }
        return .term(.iri(try parseIRI(expected)))
    }
}

import RDF

/// Property path syntax (https://www.w3.org/TR/sparql11-query/#rPath). `Parser+Triples` translates the parsed path.
extension Parser {
    /// Path ::= PathAlternative ::= PathSequence ( '|' PathSequence )*
    mutating func parsePath() throws -> PropertyPath {
        var mark = startMeasuring()
        var path = try parsePathSequence()
        var height = self.height(since: mark)
        while token.isPunctuation(.pipe) {
            let operatorToken = token
            try advance()
            mark = startMeasuring()
            path = .alternative(path, try parsePathSequence())
            height = 1 + max(height, self.height(since: mark))
            try reach(height: height, at: operatorToken)
        }
        return path
    }

    /// PathSequence ::= PathEltOrInverse ( '/' PathEltOrInverse )*
    private mutating func parsePathSequence() throws -> PropertyPath {
        var mark = startMeasuring()
        var path = try parsePathElementOrInverse()
        var height = self.height(since: mark)
        while token.isPunctuation(.slash) {
            let operatorToken = token
            try advance()
            mark = startMeasuring()
            path = .sequence(path, try parsePathElementOrInverse())
            height = 1 + max(height, self.height(since: mark))
            try reach(height: height, at: operatorToken)
        }
        return path
    }

    /// PathEltOrInverse ::= PathElt | '^' PathElt, with PathElt ::= PathPrimary PathMod?
    private mutating func parsePathElementOrInverse() throws -> PropertyPath {
        let inverse = try accept(.caret)
        var path = try parsePathPrimary()
        if try accept(.question) {
            path = .zeroOrOne(path)
        } else if try accept(.star) {
            path = .zeroOrMore(path)
        } else if try accept(.plus) {
            path = .oneOrMore(path)
        }
        return inverse ? .inverse(path) : path
    }

    /// PathPrimary ::= iri | 'a' | '!' PathNegatedPropertySet | '(' Path ')'
    private mutating func parsePathPrimary() throws -> PropertyPath {
        if token.kind == .a {
            try advance()
            return .predicate(RDFVocabulary.type)
        }
        if isAtIRI { return .predicate(try parseIRI()) }
        if try accept(.bang) { return try parseNegatedPropertySet() }
        if try accept(.openParenthesis) {
            try enter()
            defer { leave() }
            let path = try parsePath()
            try expect(.closeParenthesis, " to close the property path")
            return path
        }
        throw unexpected("a property path")
    }

    /// PathNegatedPropertySet ::= PathOneInPropertySet | '(' ( PathOneInPropertySet ( '|' PathOneInPropertySet )* )? ')'
    private mutating func parseNegatedPropertySet() throws -> PropertyPath {
        var forward: [IRI] = []
        var inverse: [IRI] = []
        if token.kind == .emptyParentheses {
            try advance()
            return .negatedPropertySet(forward: [], inverse: [])
        }
        if try accept(.openParenthesis) {
            repeat {
                try parseOneInPropertySet(forward: &forward, inverse: &inverse)
            } while try accept(.pipe)
            try expect(.closeParenthesis, " or '|' in the negated property set")
        } else {
            try parseOneInPropertySet(forward: &forward, inverse: &inverse)
        }
        return .negatedPropertySet(forward: forward, inverse: inverse)
    }

    /// PathOneInPropertySet ::= iri | 'a' | '^' ( iri | 'a' )
    private mutating func parseOneInPropertySet(forward: inout [IRI], inverse: inout [IRI]) throws {
        let isInverse = try accept(.caret)
        let iri: IRI
        if token.kind == .a {
            try advance()
            iri = RDFVocabulary.type
        } else {
            iri = try parseIRI("an IRI, 'a' or '^' in the negated property set")
        }
        if isInverse { inverse.append(iri) } else { forward.append(iri) }
    }
}

import RDF

extension Expression: CustomStringConvertible {
    /// The expression in SPARQL syntax, fully parenthesised, so it parses back to an equal value.
    public var description: String {
        var writer = SPARQLWriter()
        return writer.expression(self)
    }
}

extension SPARQLWriter {
    /// `expression` in SPARQL syntax. Variables in `aggregates` are written as the aggregate they stand for
    /// (the inverse of §18.2.4.1); EXISTS patterns are written inline on one line.
    mutating func expression(_ expression: Expression) -> String {
        switch expression {
        case .variable(let v):
            if let aggregate = aggregates[v] { return self.aggregate(aggregate) }
            return SPARQLTerms.variable(v)
        case .term(let t): return SPARQLTerms.term(t)
        case .or, .and, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .add, .subtract, .multiply, .divide:
            return binaryChain(expression)
        case .not(let e): return "!(\(self.expression(e)))"
        case .in(let e, let list): return "(\(self.expression(e)) IN \(arguments(list)))"
        case .notIn(let e, let list): return "(\(self.expression(e)) NOT IN \(arguments(list)))"
        case .unaryPlus(let e): return "+(\(self.expression(e)))"
        case .unaryMinus(let e): return "-(\(self.expression(e)))"
        case .bound(let v): return "BOUND(\(SPARQLTerms.variable(v)))"
        case .if(let a, let b, let c): return "IF" + arguments([a, b, c])
        case .coalesce(let list): return "COALESCE" + arguments(list)
        case .exists(let pattern): return "EXISTS " + inlineGroup(pattern)
        case .builtIn(let function, let list): return function.rawValue + arguments(list)
        case .function(let iri, let list): return iri.description + arguments(list)
        }
    }

    /// A left-deep chain of binary operators (`a && b && …`, possibly thousands long), written without recursing
    /// along the chain, in linear time, and without nesting parentheses where left-associativity makes them
    /// unnecessary: `(a && b && c)` reads back as `(a && b) && c`, and thousands of nested parentheses would not
    /// read back at all.
    private mutating func binaryChain(_ expression: Expression) -> String {
        var chain: [Expression] = []
        var node = expression
        while let (left, _) = node.binaryOperands {
            chain.append(node)
            node = left
        }
        // Operators that bind equally tightly and associate share one pair of parentheses.
        var opened = 0
        var open: [Bool] = []
        for (index, parent) in chain.enumerated().reversed() {
            let sharesLeft = index + 1 < chain.count && Self.precedence(chain[index + 1]) == Self.precedence(parent)
                && Self.precedence(parent) != 3
            open.append(!sharesLeft)
            if !sharesLeft { opened += 1 }
        }
        var text = String(repeating: "(", count: opened) + self.expression(node)
        for (position, parent) in chain.reversed().enumerated() {
            guard let (_, right) = parent.binaryOperands else { continue }
            let closesHere = position + 1 == chain.count || open[position + 1]
            text += " \(Self.symbol(parent)) \(self.expression(right))" + (closesHere ? ")" : "")
        }
        return text
    }

    private static func precedence(_ expression: Expression) -> Int {
        switch expression {
        case .or: 1
        case .and: 2
        case .add, .subtract: 4
        case .multiply, .divide: 5
        default: 3
        }
    }

    static func symbol(_ expression: Expression) -> String {
        switch expression {
        case .or: "||"
        case .and: "&&"
        case .equal: "="
        case .notEqual: "!="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .add: "+"
        case .subtract: "-"
        case .multiply: "*"
        default: "/"
        }
    }

    /// `(a, b)`, or `()` for none.
    private mutating func arguments(_ list: [Expression]) -> String {
        var parts: [String] = []
        for item in list { parts.append(expression(item)) }
        return "(" + parts.joined(separator: ", ") + ")"
    }

    /// An aggregate call (§18.5) as written in SELECT, HAVING or ORDER BY.
    mutating func aggregate(_ aggregate: AggregateExpression) -> String {
        let distinct = aggregate.distinct ? "DISTINCT " : ""
        let argument = aggregate.expression.map { expression($0) } ?? "*"
        switch aggregate.function {
        case .count: return "COUNT(\(distinct)\(argument))"
        case .sum: return "SUM(\(distinct)\(argument))"
        case .avg: return "AVG(\(distinct)\(argument))"
        case .min: return "MIN(\(distinct)\(argument))"
        case .max: return "MAX(\(distinct)\(argument))"
        case .sample: return "SAMPLE(\(distinct)\(argument))"
        case .groupConcat(let separator):
            let suffix = separator == " " ? "" : "; SEPARATOR = \(SPARQLTerms.string(separator))"
            return "GROUP_CONCAT(\(distinct)\(argument)\(suffix))"
        case .custom(let iri):
            // Only `iri(DISTINCT …)` reads back as an aggregate; without DISTINCT it would be a function call.
            return "\(iri)(\(distinct)\(argument))"
        }
    }

    /// `{ … }` on one line, for EXISTS inside an expression.
    private mutating func inlineGroup(_ pattern: GraphPattern) -> String {
        var inner = SPARQLWriter(indentation: "")
        inner.groupContent(pattern)
        let body = inner.output.split(separator: "\n").map { $0.trimmingPrefixSpaces() }.joined(separator: " ")
        return body.isEmpty ? "{ }" : "{ \(body) }"
    }
}

extension Substring {
    fileprivate func trimmingPrefixSpaces() -> Substring { drop { $0 == " " } }
}

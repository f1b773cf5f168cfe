import RDF

/// An expression after planning: variables are slots, constants carry their IDs, EXISTS holds a cursor.
indirect enum CompiledExpression {
    case slot(Int)
    case constant(Term, TermID)
    case or(CompiledExpression, CompiledExpression)
    case and(CompiledExpression, CompiledExpression)
    case not(CompiledExpression)
    case equal(CompiledExpression, CompiledExpression)
    case notEqual(CompiledExpression, CompiledExpression)
    case less(CompiledExpression, CompiledExpression)
    case lessOrEqual(CompiledExpression, CompiledExpression)
    case greater(CompiledExpression, CompiledExpression)
    case greaterOrEqual(CompiledExpression, CompiledExpression)
    case `in`(CompiledExpression, [CompiledExpression], negated: Bool)
    case add(CompiledExpression, CompiledExpression)
    case subtract(CompiledExpression, CompiledExpression)
    case multiply(CompiledExpression, CompiledExpression)
    case divide(CompiledExpression, CompiledExpression)
    case unaryPlus(CompiledExpression)
    case unaryMinus(CompiledExpression)
    case bound(Int)
    case `if`(CompiledExpression, CompiledExpression, CompiledExpression)
    case coalesce([CompiledExpression])
    /// EXISTS: the pattern's cursor, opened with the current solution substituted.
    case exists(Cursor)
    /// sameTerm, compared on IDs when both sides are variables or constants.
    case sameTerm(CompiledExpression, CompiledExpression)
    /// A built-in by `BuiltInFunction.rawValue`.
    case builtIn(BuiltInFunction, [CompiledExpression])
    /// A function named by IRI: the XPath constructor casts (`xsd:integer(?x)`); others are errors.
    case function(IRI, [CompiledExpression])
}

/// Evaluates compiled expressions over rows, decoding IDs only where a value is needed (§17).
///
/// Expression errors stay inside: a filter treats them as false, BIND as unbound (§17.3). Timeouts and cancellation
/// inside EXISTS patterns are not expression errors and end the query.
final class ExpressionEvaluator {
    /// An expression error, or the query's end inside EXISTS.
    enum Failure: Error {
        case error(ExpressionError)
        case abort(QueryEvaluationError)
    }

    private let context: EvaluationContext
    private let functions: FunctionContext
    private static let trueTerm = Term.literal(Literal("true", datatype: XSD.boolean))
    private static let falseTerm = Term.literal(Literal("false", datatype: XSD.boolean))

    init(context: EvaluationContext) {
        self.context = context
        functions = context.functions
    }

    /// The filter test: the effective boolean value, false on error.
    func isTrue(_ expression: CompiledExpression, _ row: Row) throws(QueryEvaluationError) -> Bool {
        do {
            return try boolean(expression, row)
        } catch {
            if case .abort(let reason) = error { throw reason }
            return false
        }
    }

    /// The value, or `nil` on error (BIND, ORDER BY keys, aggregates).
    func value(of expression: CompiledExpression, _ row: Row) throws(QueryEvaluationError) -> Term? {
        do {
            return try evaluate(expression, row)
        } catch {
            if case .abort(let reason) = error { throw reason }
            return nil
        }
    }

    /// The value as an ID (query-local for computed terms the dataset lacks), or `nil` on error. Variables and
    /// constants never decode.
    func id(of expression: CompiledExpression, _ row: Row) throws(QueryEvaluationError) -> TermID? {
        switch expression {
        case .slot(let slot):
            let id = row[slot]
            return id.isBound ? id : nil
        case .constant(_, let id):
            return id
        default:
            return try value(of: expression, row).map(context.id(for:))
        }
    }

    /// Starts a new solution for `BNODE(label)`.
    func startSolution() { functions.startSolution() }

    // MARK: Evaluation

    /// An expression error; a function stopped at the query's limit ends the query instead.
    private func fail(_ error: ExpressionError) -> Failure {
        if case .tooLong = error { return .abort(.tooComplex(error.description)) }
        guard case .stopped = error else { return .error(error) }
        do {
            try context.deadline.check()
        } catch {
            return .abort(error)
        }
        return .abort(.timeout)
    }

    /// Counts one node of work: a long expression (a chain of thousands of operators) looks at the clock as it goes.
    @inline(__always)
    private func tick() throws(Failure) {
        do { try context.deadline.tick() } catch { throw .abort(error) }
    }

    func evaluate(_ expression: CompiledExpression, _ row: Row) throws(Failure) -> Term {
        try tick()
        switch expression {
        case .slot(let slot):
            let id = row[slot]
            guard id.isBound else { throw fail(.unboundVariable) }
            return context.term(for: id)
        case .constant(let term, _):
            return term
        case .or, .and, .not, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .bound, .exists, .sameTerm:
            return try boolean(expression, row) ? Self.trueTerm : Self.falseTerm
        case .add(let a, let b):
            return try arithmetic(a, b, row, SPARQLFunctions.add)
        case .subtract(let a, let b):
            return try arithmetic(a, b, row, SPARQLFunctions.subtract)
        case .multiply(let a, let b):
            return try arithmetic(a, b, row, SPARQLFunctions.multiply)
        case .divide(let a, let b):
            return try arithmetic(a, b, row, SPARQLFunctions.divide)
        case .unaryPlus(let a):
            let value = try evaluate(a, row)
            do { return try SPARQLFunctions.unaryPlus(value) } catch { throw fail(error) }
        case .unaryMinus(let a):
            let value = try evaluate(a, row)
            do { return try SPARQLFunctions.unaryMinus(value) } catch { throw fail(error) }
        case .if(let condition, let then, let otherwise):
            return try boolean(condition, row) ? evaluate(then, row) : evaluate(otherwise, row)
        case .coalesce(let items):
            for item in items {
                if let value = try attempt(item, row) { return value }
            }
            throw fail(.typeError("COALESCE: no argument has a value"))
        case .builtIn(let function, let arguments):
            var values: [Term] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument, row)) }
            let result: Term
            do { result = try SPARQLFunctions.call(function, values, context: functions) } catch { throw fail(error) }
            // Functions that grow a string (ENCODE_FOR_URI triples it) stop a nested chain of them at the limit.
            if case .literal(let literal) = result, literal.lexicalForm.utf8.count > SPARQLLimits.maximumStringLength {
                throw fail(.tooLong(function.rawValue))
            }
            return result
        case .function(let iri, let arguments):
            var values: [Term] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument, row)) }
            do { return try SPARQLFunctions.call(function: iri, values, context: functions) } catch { throw fail(error) }
        }
    }

    /// The effective boolean value (§17.2.2), computing logical operators and comparisons without building literals.
    func boolean(_ expression: CompiledExpression, _ row: Row) throws(Failure) -> Bool {
        try tick()
        switch expression {
        case .or(let a, let b):
            // Error || true is true; error || false is an error (§17.2 logical-or).
            let left = try attemptBoolean(a, row)
            if left == true { return true }
            let right = try attemptBoolean(b, row)
            if right == true { return true }
            guard left != nil, right != nil else { throw fail(.typeError("|| with an error operand")) }
            return false
        case .and(let a, let b):
            let left = try attemptBoolean(a, row)
            if left == false { return false }
            let right = try attemptBoolean(b, row)
            if right == false { return false }
            guard left != nil, right != nil else { throw fail(.typeError("&& with an error operand")) }
            return true
        case .not(let a):
            return !(try boolean(a, row))
        case .equal(let a, let b):
            let (x, y) = (try evaluate(a, row), try evaluate(b, row))
            do { return try SPARQLFunctions.equal(x, y) } catch { throw fail(error) }
        case .notEqual(let a, let b):
            let (x, y) = (try evaluate(a, row), try evaluate(b, row))
            do { return try SPARQLFunctions.notEqual(x, y) } catch { throw fail(error) }
        case .less(let a, let b):
            return try order(a, b, row) == .less
        case .lessOrEqual(let a, let b):
            let ordering = try order(a, b, row)
            return ordering == .less || ordering == .equal
        case .greater(let a, let b):
            return try order(a, b, row) == .greater
        case .greaterOrEqual(let a, let b):
            let ordering = try order(a, b, row)
            return ordering == .greater || ordering == .equal
        case .in(let needle, let list, let negated):
            let value = try evaluate(needle, row)
            var sawError = false
            for item in list {
                guard let other = try attempt(item, row) else {
                    sawError = true
                    continue
                }
                do {
                    if try SPARQLFunctions.equal(value, other) { return !negated }
                } catch {
                    sawError = true
                }
            }
            if sawError { throw fail(.typeError("IN: an item could not be compared")) }
            return negated
        case .bound(let slot):
            return row[slot].isBound
        case .exists(let cursor):
            do {
                try cursor.open(row)
                return try cursor.next() != nil
            } catch {
                throw .abort(error)
            }
        case .sameTerm(let a, let b):
            if let x = try idIfCheap(a, row), let y = try idIfCheap(b, row) { return x == y }
            return SPARQLFunctions.sameTerm(try evaluate(a, row), try evaluate(b, row))
        default:
            let value = try evaluate(expression, row)
            do { return try SPARQLFunctions.effectiveBooleanValue(value) } catch { throw fail(error) }
        }
    }

    /// The ID of a variable or constant without decoding; `nil` for other expressions.
    private func idIfCheap(_ expression: CompiledExpression, _ row: Row) throws(Failure) -> TermID? {
        switch expression {
        case .slot(let slot):
            let id = row[slot]
            guard id.isBound else { throw fail(.unboundVariable) }
            return id
        case .constant(_, let id):
            return id
        default:
            return nil
        }
    }

    private func order(_ a: CompiledExpression, _ b: CompiledExpression, _ row: Row) throws(Failure) -> ValueOrdering? {
        let (x, y) = (try evaluate(a, row), try evaluate(b, row))
        do { return try SPARQLFunctions.compare(x, y) } catch { throw fail(error) }
    }

    private func arithmetic(
        _ a: CompiledExpression, _ b: CompiledExpression, _ row: Row,
        _ operation: (Term, Term) throws(ExpressionError) -> Term
    ) throws(Failure) -> Term {
        let (x, y) = (try evaluate(a, row), try evaluate(b, row))
        do { return try operation(x, y) } catch { throw fail(error) }
    }

    /// The value, or `nil` for an expression error.
    private func attempt(_ expression: CompiledExpression, _ row: Row) throws(Failure) -> Term? {
        do {
            return try evaluate(expression, row)
        } catch {
            if case .abort = error { throw error }
            return nil
        }
    }

    /// The effective boolean value, or `nil` for an expression error.
    private func attemptBoolean(_ expression: CompiledExpression, _ row: Row) throws(Failure) -> Bool? {
        do {
            return try boolean(expression, row)
        } catch {
            if case .abort = error { throw error }
            return nil
        }
    }
}

import RDF

/// An aggregate after planning.
struct CompiledAggregate {
    enum Function {
        case count, sum, avg, min, max, sample
        case groupConcat(separator: String)
    }

    var function: Function
    /// `nil` for `COUNT(*)`.
    var expression: CompiledExpression?
    var distinct: Bool
    /// The slot the result is bound to.
    var slot: Int
}

/// The running state of one aggregate over one group.
struct AggregateState {
    var count = 0
    /// SUM and AVG's running sum, MIN/MAX's best value so far, SAMPLE's pick.
    var value: Term?
    /// Whether MIN/MAX has seen an element (an unbound one included).
    var seenElement = false
    /// An error made the result an error (unbound): SUM/AVG over a non-number, GROUP_CONCAT over a blank node.
    var failed = false
    var text = ""
    var distinctIDs: Set<TermID>?
    var distinctRows: Set<Row>?

    init(distinct: Bool, countsRows: Bool) {
        if distinct {
            if countsRows { distinctRows = [] } else { distinctIDs = [] }
        }
    }
}

/// Computes the set functions of §18.5: COUNT, SUM, AVG, MIN, MAX, SAMPLE, GROUP_CONCAT, each with DISTINCT.
///
/// Element errors: COUNT skips them; SUM, AVG and GROUP_CONCAT become errors (the variable stays unbound); MIN and
/// MAX order them with ORDER BY's total order, where an unbound value sorts first; SAMPLE skips them.
struct Aggregator {
    let evaluator: ExpressionEvaluator
    let context: EvaluationContext
    private static let zero = Term.literal(Literal("0", datatype: XSD.integer))

    func add(_ row: Row, to state: inout AggregateState, for aggregate: CompiledAggregate) throws(QueryEvaluationError) {
        guard let expression = aggregate.expression else {
            if state.distinctRows != nil {
                guard state.distinctRows!.insert(row).inserted else { return }
            }
            state.count += 1
            return
        }
        if case .count = aggregate.function, case .slot(let slot) = expression {
            // COUNT(?v) only asks whether ?v is bound: read the row's ID, never decode the term. IDs are unique per
            // term within a query (computed terms equal to stored ones get the stored ID), so DISTINCT can use them.
            let id = row[slot]
            guard id != .unbound else { return }
            if state.distinctIDs != nil { guard state.distinctIDs!.insert(id).inserted else { return } }
            state.count += 1
            return
        }
        let value = try evaluator.value(of: expression, row)
        if state.distinctIDs != nil {
            let id: TermID
            if case .slot(let slot) = expression { id = row[slot] } else { id = value.map(context.id(for:)) ?? .unbound }
            guard state.distinctIDs!.insert(id).inserted else { return }
        }
        switch aggregate.function {
        case .count:
            if value != nil { state.count += 1 }
        case .sum, .avg:
            guard !state.failed else { return }
            guard let value else {
                state.failed = true
                return
            }
            do {
                state.value = try SPARQLFunctions.add(state.value ?? Self.zero, value)
                state.count += 1
            } catch {
                state.failed = true
            }
        case .min, .max:
            if !state.seenElement {
                state.seenElement = true
                state.value = value
                return
            }
            let order = SPARQLFunctions.orderBy(value, state.value)
            if case .min = aggregate.function, order == .less { state.value = value }
            if case .max = aggregate.function, order == .greater { state.value = value }
        case .sample:
            if state.value == nil, let value { state.value = value }
        case .groupConcat(let separator):
            guard !state.failed else { return }
            guard let value, let string = Self.string(of: value) else {
                state.failed = true
                return
            }
            guard state.text.utf8.count + separator.utf8.count + string.utf8.count <= SPARQLLimits.maximumStringLength else {
                throw .tooComplex("GROUP_CONCAT would build a string of more than \(SPARQLLimits.maximumStringLength) bytes")
            }
            if state.count > 0 { state.text += separator }
            state.text += string
            state.count += 1
        }
    }

    /// The aggregate's value, or `nil` (unbound) for an error or an empty MIN/MAX/SAMPLE.
    func result(of state: AggregateState, for aggregate: CompiledAggregate) -> Term? {
        switch aggregate.function {
        case .count:
            return .literal(Literal(String(state.count), datatype: XSD.integer))
        case .sum:
            return state.failed ? nil : state.value ?? Self.zero
        case .avg:
            guard !state.failed else { return nil }
            guard let sum = state.value, state.count > 0 else { return Self.zero }
            return try? SPARQLFunctions.divide(sum, .literal(Literal(String(state.count), datatype: XSD.integer)))
        case .min, .max, .sample:
            return state.value
        case .groupConcat:
            // A simple literal even when every element shares a language tag (W3C agg-groupconcat-04..06).
            return state.failed ? nil : .string(state.text)
        }
    }

    /// `STR()` of a literal or IRI; `nil` for a blank node.
    private static func string(of term: Term) -> String? {
        switch term {
        case .literal(let literal): literal.lexicalForm
        case .iri(let iri): iri.value
        case .blankNode: nil
        }
    }
}

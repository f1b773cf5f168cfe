import RDF

/// One solution during evaluation: a term ID per variable slot, `TermID.unbound` where the variable has no value.
/// Slots are assigned when the query is planned, so every row of one query has the same width and joins compare
/// integers. Rows are copy-on-write arrays; operators mutate one buffer and hand it out, and a copy is only made
/// when a consumer still holds the previous row.
typealias Row = ContiguousArray<TermID>

extension TermID {
    /// Marks an empty slot in a `Row`. No store issues it, and query-local IDs never reach it.
    static let unbound = TermID(rawValue: .max)

    /// Whether a slot holding this ID has a value.
    @inline(__always) var isBound: Bool { rawValue != .max }

    /// Whether the ID was issued by the evaluator for a computed term rather than by the dataset.
    @inline(__always) var isQueryLocal: Bool { self >= .firstQueryLocal && isBound }
}

extension ContiguousArray where Element == TermID {
    /// A row of `width` unbound slots.
    static func unbound(width: Int) -> Row { Row(repeating: .unbound, count: width) }

    /// Whether two solutions agree on every variable both bind (§18.3 "compatible mappings").
    @inline(__always)
    func isCompatible(with other: Row) -> Bool {
        for index in indices {
            let a = self[index]
            let b = other[index]
            if a != b && a.isBound && b.isBound { return false }
        }
        return true
    }

    /// Makes this row equal to `other`, reusing this row's storage when it is not shared: operators keep one output
    /// buffer and refill it, so a streaming pipeline allocates no row per solution.
    @inline(__always)
    mutating func overwrite(with other: Row) {
        guard count == other.count else {
            self = other
            return
        }
        for index in indices { self[index] = other[index] }
    }

    /// Adds the bindings of a compatible row to this one.
    @inline(__always)
    mutating func merge(_ other: Row) {
        for index in indices where !self[index].isBound { self[index] = other[index] }
    }
}

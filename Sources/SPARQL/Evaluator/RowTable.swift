import RDF

/// Materialised solutions indexed by up to two key slots: the build side of hash joins, hash left joins and MINUS.
///
/// Keys are slots certainly bound on both sides, so the table only narrows the candidates; callers still check
/// full compatibility. Rows with an unbound key slot go to a list every probe scans.
struct RowTable {
    private(set) var rows: ContiguousArray<Row> = []
    private let keySlots: [Int]
    private var heads: [UInt64: Int32] = [:]
    private var nextInChain: ContiguousArray<Int32> = []
    private var unkeyed: [Int32] = []

    /// - Parameter keySlots: the slots to hash on; only the first two are used.
    init(keySlots: [Int]) { self.keySlots = Array(keySlots.prefix(2)) }

    var isEmpty: Bool { rows.isEmpty }

    @inline(__always)
    private func key(_ row: Row) -> UInt64? {
        switch keySlots.count {
        case 0:
            return nil
        case 1:
            let a = row[keySlots[0]]
            return a.isBound ? UInt64(a.rawValue) : nil
        default:
            let a = row[keySlots[0]]
            let b = row[keySlots[1]]
            return a.isBound && b.isBound ? UInt64(a.rawValue) << 32 | UInt64(b.rawValue) : nil
        }
    }

    mutating func insert(_ row: Row) {
        let index = Int32(rows.count)
        rows.append(row)
        if let key = key(row) {
            nextInChain.append(heads[key] ?? -1)
            heads[key] = index
        } else {
            nextInChain.append(-1)
            unkeyed.append(index)
        }
    }

    /// Where a probe for `row` starts.
    func candidates(for row: Row) -> Candidates {
        if let key = key(row) {
            return Candidates(chain: heads[key] ?? -1, unkeyedIndex: 0, scanAll: false)
        }
        return Candidates(chain: -1, unkeyedIndex: 0, scanAll: true)
    }

    /// The state of one probe: a hash chain, then the unkeyed rows (or, for an unkeyed probe, every row).
    struct Candidates {
        fileprivate var chain: Int32
        fileprivate var unkeyedIndex: Int
        fileprivate var scanAll: Bool
    }

    /// The probe's next row that is compatible with `row` (§18.3), or `nil` when the probe is done; every candidate
    /// looked at counts against `deadline`.
    @inline(__always)
    func nextCompatible(with row: Row, _ state: inout Candidates, deadline: Deadline) throws(QueryEvaluationError) -> Row? {
        while let index = nextCandidate(&state) {
            try deadline.tick()
            let candidate = rows[index]
            if row.isCompatible(with: candidate) { return candidate }
        }
        return nil
    }

    /// The index of the next candidate row, or `nil` when the probe is done.
    @inline(__always)
    func nextCandidate(_ state: inout Candidates) -> Int? {
        if state.scanAll {
            guard state.unkeyedIndex < rows.count else { return nil }
            defer { state.unkeyedIndex += 1 }
            return state.unkeyedIndex
        }
        if state.chain >= 0 {
            let index = Int(state.chain)
            state.chain = nextInChain[index]
            return index
        }
        guard state.unkeyedIndex < unkeyed.count else { return nil }
        defer { state.unkeyedIndex += 1 }
        return Int(unkeyed[state.unkeyedIndex])
    }
}

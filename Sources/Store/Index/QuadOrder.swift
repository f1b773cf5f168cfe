import RDF

/// One of the six component orders the store indexes quads in. Together they make every pattern shape — with or
/// without a graph — a contiguous prefix range of one index.
enum QuadOrder: Int, CaseIterable, Sendable {
    case spog, posg, ospg, gspo, gpos, gosp

    /// The quad's components in this order, packed big-end-first into one 128-bit key so that keys sort as tuples.
    @inline(__always)
    func key(_ q: EncodedQuad) -> UInt128 {
        let (a, b, c, d): (UInt32, UInt32, UInt32, UInt32)
        switch self {
        case .spog: (a, b, c, d) = (q.subject.rawValue, q.predicate.rawValue, q.object.rawValue, q.graph.rawValue)
        case .posg: (a, b, c, d) = (q.predicate.rawValue, q.object.rawValue, q.subject.rawValue, q.graph.rawValue)
        case .ospg: (a, b, c, d) = (q.object.rawValue, q.subject.rawValue, q.predicate.rawValue, q.graph.rawValue)
        case .gspo: (a, b, c, d) = (q.graph.rawValue, q.subject.rawValue, q.predicate.rawValue, q.object.rawValue)
        case .gpos: (a, b, c, d) = (q.graph.rawValue, q.predicate.rawValue, q.object.rawValue, q.subject.rawValue)
        case .gosp: (a, b, c, d) = (q.graph.rawValue, q.object.rawValue, q.subject.rawValue, q.predicate.rawValue)
        }
        return UInt128(a) << 96 | UInt128(b) << 64 | UInt128(c) << 32 | UInt128(d)
    }

    /// The quad a key of this order encodes.
    @inline(__always)
    func quad(_ key: UInt128) -> EncodedQuad {
        let a = TermID(rawValue: UInt32(truncatingIfNeeded: key >> 96))
        let b = TermID(rawValue: UInt32(truncatingIfNeeded: key >> 64))
        let c = TermID(rawValue: UInt32(truncatingIfNeeded: key >> 32))
        let d = TermID(rawValue: UInt32(truncatingIfNeeded: key))
        switch self {
        case .spog: return EncodedQuad(subject: a, predicate: b, object: c, graph: d)
        case .posg: return EncodedQuad(subject: c, predicate: a, object: b, graph: d)
        case .ospg: return EncodedQuad(subject: b, predicate: c, object: a, graph: d)
        case .gspo: return EncodedQuad(subject: b, predicate: c, object: d, graph: a)
        case .gpos: return EncodedQuad(subject: d, predicate: b, object: c, graph: a)
        case .gosp: return EncodedQuad(subject: c, predicate: d, object: b, graph: a)
        }
    }

    /// The index and key range that answer `pattern` exactly: its bound positions form a prefix of the order.
    /// Allocates nothing: every scan of every query starts here.
    static func range(for pattern: EncodedQuadPattern) -> (order: QuadOrder, lower: UInt128, upper: UInt128) {
        let s = pattern.subject, p = pattern.predicate, o = pattern.object
        let order: QuadOrder
        // The bound positions, first in the order's first component; `nil` past the prefix.
        let prefix: (TermID?, TermID?, TermID?, TermID?)
        if let g = pattern.graph {
            switch (s, p, o) {
            case (nil, nil, nil): (order, prefix) = (.gspo, (g, nil, nil, nil))
            case (let s?, nil, nil): (order, prefix) = (.gspo, (g, s, nil, nil))
            case (let s?, let p?, nil): (order, prefix) = (.gspo, (g, s, p, nil))
            case (let s?, let p?, let o?): (order, prefix) = (.gspo, (g, s, p, o))
            case (nil, let p?, nil): (order, prefix) = (.gpos, (g, p, nil, nil))
            case (nil, let p?, let o?): (order, prefix) = (.gpos, (g, p, o, nil))
            case (nil, nil, let o?): (order, prefix) = (.gosp, (g, o, nil, nil))
            case (let s?, nil, let o?): (order, prefix) = (.gosp, (g, o, s, nil))
            }
        } else {
            switch (s, p, o) {
            case (nil, nil, nil): (order, prefix) = (.spog, (nil, nil, nil, nil))
            case (let s?, nil, nil): (order, prefix) = (.spog, (s, nil, nil, nil))
            case (let s?, let p?, nil): (order, prefix) = (.spog, (s, p, nil, nil))
            case (let s?, let p?, let o?): (order, prefix) = (.spog, (s, p, o, nil))
            case (nil, let p?, nil): (order, prefix) = (.posg, (p, nil, nil, nil))
            case (nil, let p?, let o?): (order, prefix) = (.posg, (p, o, nil, nil))
            case (nil, nil, let o?): (order, prefix) = (.ospg, (o, nil, nil, nil))
            case (let s?, nil, let o?): (order, prefix) = (.ospg, (o, s, nil, nil))
            }
        }
        var lower: UInt128 = 0
        var length = 0
        func append(_ id: TermID?) {
            guard let id else { return }
            lower |= UInt128(id.rawValue) << (96 - 32 * length)
            length += 1
        }
        append(prefix.0)
        append(prefix.1)
        append(prefix.2)
        append(prefix.3)
        let freeBits = 128 - 32 * length
        let upper = freeBits == 128 ? UInt128.max : lower | ((UInt128(1) << freeBits) &- 1)
        return (order, lower, upper)
    }
}

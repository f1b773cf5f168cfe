public import RDF

/// The order the serializer sorts in, so the same quads always give the same bytes: the default graph before named
/// graphs; IRIs, then blank nodes, then literals; strings by code points (their UTF-8 bytes).
extension JSONLDSerializer {
    static func precedes(_ a: Term, _ b: Term) -> Bool { compare(a, b) < 0 }

    /// Graph, subject, predicate, object: negative, zero or positive.
    static func compare(_ a: Quad, _ b: Quad) -> Int {
        var order = compare(a.graph, b.graph)
        if order == 0 { order = compare(a.subject, b.subject) }
        if order == 0 { order = compare(a.predicate, b.predicate) }
        if order == 0 { order = compare(a.object, b.object) }
        return order
    }

    static func compare(_ a: GraphName, _ b: GraphName) -> Int {
        switch (a.term, b.term) {
        case (nil, nil): 0
        case (nil, _): -1
        case (_, nil): 1
        case (let x?, let y?): compare(x, y)
        }
    }

    static func compare(_ a: Term, _ b: Term) -> Int {
        switch (a, b) {
        case (.iri(let x), .iri(let y)): return compare(x.value, y.value)
        case (.blankNode(let x), .blankNode(let y)): return compare(x.id, y.id)
        case (.literal(let x), .literal(let y)):
            var order = compare(x.lexicalForm, y.lexicalForm)
            if order == 0 { order = compare(x.datatype.value, y.datatype.value) }
            if order == 0 { order = compare(x.language ?? "", y.language ?? "") }
            return order
        default: return rank(a) - rank(b)
        }
    }

    private static func rank(_ term: Term) -> Int {
        switch term {
        case .iri: 0
        case .blankNode: 1
        case .literal: 2
        }
    }

    /// Three-way comparison of UTF-8 bytes, which orders as code points do.
    static func compare(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let count = min(x.count, y.count)
                var index = 0
                while index < count {
                    if x[index] != y[index] { return Int(x[index]) - Int(y[index]) }
                    index += 1
                }
                return x.count - y.count
            }
        }
    }
}

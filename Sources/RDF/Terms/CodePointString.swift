#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RDF compares strings by their Unicode code points (RDF 1.1 §3.2–3.3), not by Swift's canonical equivalence,
/// under which "é" and "e\u{301}" are equal. Terms hash and compare their UTF-8 bytes, which orders as code points.
package enum CodePoints {
    @inline(__always)
    package static func equal(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    @inline(__always)
    package static func less(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let shared = min(x.count, y.count)
                let order = shared == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, shared)
                return order < 0 || (order == 0 && x.count < y.count)
            }
        }
    }

    @inline(__always)
    package static func hash(_ s: String, into hasher: inout Hasher) {
        var s = s
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(s.utf8.count)
    }
}

extension IRI {
    public static func == (lhs: IRI, rhs: IRI) -> Bool { CodePoints.equal(lhs.value, rhs.value) }
    public func hash(into hasher: inout Hasher) { CodePoints.hash(value, into: &hasher) }
    public static func < (lhs: IRI, rhs: IRI) -> Bool { CodePoints.less(lhs.value, rhs.value) }
}

extension BlankNode {
    public static func == (lhs: BlankNode, rhs: BlankNode) -> Bool { CodePoints.equal(lhs.id, rhs.id) }
    public func hash(into hasher: inout Hasher) { CodePoints.hash(id, into: &hasher) }
    public static func < (lhs: BlankNode, rhs: BlankNode) -> Bool { CodePoints.less(lhs.id, rhs.id) }
}

extension Literal {
    public static func == (lhs: Literal, rhs: Literal) -> Bool {
        CodePoints.equal(lhs.lexicalForm, rhs.lexicalForm) && lhs.datatype == rhs.datatype && lhs.language == rhs.language
    }

    public func hash(into hasher: inout Hasher) {
        CodePoints.hash(lexicalForm, into: &hasher)
        datatype.hash(into: &hasher)
        hasher.combine(language)
    }
}

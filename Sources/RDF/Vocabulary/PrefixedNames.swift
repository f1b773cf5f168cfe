/// IRIs written as `prefix:local` in Turtle and TriG: the declared namespaces, longest first so the most specific one
/// wins, and a local-name rule (letters, digits, `_`, `-`, not starting with a digit or `-`) that is a subset of
/// PN_LOCAL every Turtle parser reads the same way.
package struct PrefixedNames: Sendable {
    private let namespaces: [(prefix: String, namespace: String)]

    /// - Parameter prefixes: (prefix, namespace) pairs.
    package init(_ prefixes: some Sequence<(String, String)>) {
        namespaces = prefixes.map { (prefix: $0.0, namespace: $0.1) }.sorted { $0.namespace.utf8.count > $1.namespace.utf8.count }
    }

    /// `prefix:local` for `iri`, or `nil` when no namespace shortens it safely.
    package func name(for iri: String) -> String? {
        for (prefix, namespace) in namespaces where iri.hasPrefix(namespace) {
            let local = iri.utf8.dropFirst(namespace.utf8.count)
            let isPlain = local.enumerated().allSatisfy { index, byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): index > 0
                default: false
                }
            }
            if isPlain { return prefix + ":" + String(decoding: local, as: UTF8.self) }
        }
        return nil
    }
}

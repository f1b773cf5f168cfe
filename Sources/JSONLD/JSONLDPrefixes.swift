public import RDF

/// The prefixes a JSON-LD writer may abbreviate IRIs with, and IRI compaction against them.
///
/// A prefix is only usable if JSON-LD 1.1 reads it back as one: its name is a plain term (not empty, no `:` or `/`,
/// not `_`, not starting with `@`) and its namespace ends in a gen-delim (`:/?#[]@`); other prefixes are ignored, not
/// refused, because the same prefix map also serves Turtle and RDF/XML. A compact IRI `p:s` is only written when `s`
/// is not empty and does not start with `//` (JSON-LD would take `p://…` as an absolute IRI).
struct JSONLDPrefixes {
    /// Longest namespace first, so the most specific prefix wins; ties go to the smaller name.
    private var entries: [(name: String, namespace: String)]
    /// Names of the prefixes `compact` has used.
    private(set) var used: Set<String> = []

    init(_ prefixes: [String: String]) {
        entries = prefixes.filter { Self.isUsable(name: $0.key, namespace: $0.value) }.map { (name: $0.key, namespace: $0.value) }
        entries.sort { a, b in
            a.namespace.utf8.count != b.namespace.utf8.count ? a.namespace.utf8.count > b.namespace.utf8.count : CodePoints.less(a.name, b.name)
        }
    }

    static func isUsable(name: String, namespace: String) -> Bool {
        guard !name.isEmpty, name != "_", !name.hasPrefix("@"), !name.contains(":"), !name.contains("/") else { return false }
        return Keyword.endsWithGenDelim(namespace) && IRIResolution.isAbsolute(namespace)
    }

    var names: [String] { entries.map(\.name) }
    var isEmpty: Bool { entries.isEmpty }

    /// The prefixes (name, namespace) sorted by name, restricted to `names` if given.
    func sorted(only names: Set<String>? = nil) -> [(name: String, namespace: String)] {
        entries.filter { names?.contains($0.name) ?? true }.sorted { CodePoints.less($0.name, $1.name) }
    }

    /// Drops the prefixes named in `names`.
    mutating func remove(_ names: Set<String>) {
        entries.removeAll { names.contains($0.name) }
    }

    /// `iri` as a compact IRI, or `nil` if no prefix applies.
    mutating func compact(_ iri: String) -> String? {
        for entry in entries where iri.utf8.starts(with: entry.namespace.utf8) && iri.utf8.count > entry.namespace.utf8.count {
            let suffix = iri.utf8.dropFirst(entry.namespace.utf8.count)
            if suffix.starts(with: "//".utf8) { continue }
            used.insert(entry.name)
            return entry.name + ":" + String(Substring(suffix))
        }
        return nil
    }

    /// The name of a prefix under which the full IRI `iri` would read back as a compact IRI (`urn:x` when `urn` is a
    /// prefix), or `nil` if there is none.
    func misreading(_ iri: String) -> String? {
        guard let colon = iri.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let head = iri[..<colon]
        if iri.utf8[iri.utf8.index(after: colon)...].starts(with: "//".utf8) { return nil }
        return entries.first { $0.name.utf8.elementsEqual(head.utf8) }?.name
    }
}

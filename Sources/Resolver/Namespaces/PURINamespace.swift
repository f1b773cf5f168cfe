public import RDF

/// A namespace of persistent URIs the server answers for: `/{name}/{local…}` stands for `{base}{local…}`
/// (DESIGN.md: `/dr8/PublicPolicy` is `http://data.europa.eu/dr8/PublicPolicy`).
public struct PURINamespace: Hashable, Sendable, CustomStringConvertible {
    /// The first path segment (`dr8`).
    public let name: String
    /// The IRI every PURI of the namespace starts with; ends in `/` or `#` (`http://data.europa.eu/dr8/`).
    public let base: String

    /// EIRA's architecture building blocks.
    public static let dr8 = PURINamespace(validName: "dr8", base: "http://data.europa.eu/dr8/")

    /// The path segments the server's other routes own: a namespace may not take one of them.
    public static let reservedNames: Set<String> = [
        "sparql", "update", "store", "graphs", "health", "metrics", "queries", "dumps", ".well-known", "catalog", "doc",
    ]

    /// - Throws: `ResolverError.invalidNamespace` unless `name` is one plain path segment that no other route owns and
    ///   `base` is an absolute IRI ending in `/` or `#`.
    public init(name: String, base: String) throws(ResolverError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~")
        guard !name.isEmpty, name != ".", name != "..", name.allSatisfy({ allowed.contains($0) }) else {
            throw .invalidNamespace("'\(name)' is not a namespace name: use letters, digits, '-', '_', '.' or '~' (one path segment)")
        }
        guard !Self.reservedNames.contains(name) else {
            throw .invalidNamespace("'\(name)' is a path the server already uses (\(Self.reservedNames.sorted().joined(separator: ", ")))")
        }
        guard let colon = base.firstIndex(of: ":"), colon != base.startIndex, !base.contains(where: { $0 == " " || $0 == "<" || $0 == ">" })
        else {
            throw .invalidNamespace("'\(base)' (namespace '\(name)') is not an absolute IRI")
        }
        guard base.hasSuffix("/") || base.hasSuffix("#") else {
            throw .invalidNamespace("'\(base)' (namespace '\(name)') must end in '/' or '#', so that PURIs are base + local part")
        }
        self.init(validName: name, base: base)
    }

    /// Parses `NS=BASE`, the argument of `lodestar serve --puri`.
    /// - Throws: `ResolverError.invalidNamespace` saying what is wrong with the argument.
    public init(argument: String) throws(ResolverError) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw .invalidNamespace("'\(argument)' is not NS=BASE (for example dr8=http://data.europa.eu/dr8/)")
        }
        try self.init(name: String(argument[..<equals]), base: String(argument[argument.index(after: equals)...]))
    }

    private init(validName: String, base: String) {
        name = validName
        self.base = base
    }

    /// The namespace's own IRI, without the trailing `/` (`http://data.europa.eu/dr8`, EIRA's concept scheme).
    public var schemeIRI: IRI { IRI(String(base.dropLast())) }

    /// The PURI of `local` (`PublicPolicy`, `view/LegalView`); the empty local part is the scheme itself.
    public func puri(local: String) -> IRI { local.isEmpty ? schemeIRI : IRI(base + local) }

    /// The local part of `iri` if it is this namespace's (`""` for the scheme IRI, and for the base itself, which
    /// EIRA v4.0.0 uses as the `skos:broader` of some top blocks), else `nil`.
    public func localPart(of iri: IRI) -> String? {
        if iri == schemeIRI || iri.value == base { return "" }
        guard iri.value.hasPrefix(base), iri.value.count > base.count else { return nil }
        return String(iri.value.dropFirst(base.count))
    }

    public var description: String { "\(name)=\(base)" }
}

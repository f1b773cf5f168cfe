public import RDF

/// The namespaces one server answers for, by name; `dr8` unless configured otherwise.
public struct PURINamespaces: Sendable {
    public let all: [PURINamespace]

    /// `dr8` alone: what a server serves without `--puri`.
    public static let standard = PURINamespaces(validated: [.dr8])

    private init(validated namespaces: [PURINamespace]) { all = namespaces }

    /// - Throws: `ResolverError.invalidNamespace` when two namespaces share a name.
    public init(_ namespaces: [PURINamespace]) throws(ResolverError) {
        var seen: Set<String> = []
        for namespace in namespaces where !seen.insert(namespace.name).inserted {
            throw .invalidNamespace("the namespace '\(namespace.name)' is given twice")
        }
        all = namespaces
    }

    /// `dr8`, plus `arguments` (`NS=BASE` each); an argument naming `dr8` replaces the default.
    /// - Throws: `ResolverError.invalidNamespace` for a malformed argument or a name given twice.
    public init(defaultPlus arguments: [String]) throws(ResolverError) {
        var namespaces: [PURINamespace] = []
        for argument in arguments { namespaces.append(try PURINamespace(argument: argument)) }
        if !namespaces.contains(where: { $0.name == PURINamespace.dr8.name }) { namespaces.insert(.dr8, at: 0) }
        try self.init(namespaces)
    }

    public subscript(name: String) -> PURINamespace? { all.first { $0.name == name } }

    /// The served namespace `iri` belongs to, with its local part; the longest base wins when bases nest.
    public func locate(_ iri: IRI) -> (namespace: PURINamespace, local: String)? {
        var best: (namespace: PURINamespace, local: String)?
        for namespace in all {
            guard let local = namespace.localPart(of: iri) else { continue }
            if let current = best, current.namespace.base.count >= namespace.base.count { continue }
            best = (namespace, local)
        }
        return best
    }

    /// The server path of `iri` (`/dr8/PublicPolicy`) if it is a served PURI, else `nil`.
    public func path(of iri: IRI) -> String? {
        guard let (namespace, local) = locate(iri) else { return nil }
        return local.isEmpty ? "/\(namespace.name)" : "/\(namespace.name)/\(local)"
    }
}

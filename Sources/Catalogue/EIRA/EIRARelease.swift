public import RDF

/// The two forms the EIRA is published in.
public enum EIRAEdition: String, Sendable, Hashable, CaseIterable {
    /// The controlled vocabulary in SKOS, RDF/XML, imported as published.
    case skos
    /// The ArchiMate 3 model exchange file (XML), converted to SKOS plus Lodestar's ArchiMate vocabulary.
    case archimate

    /// How the command line names the edition.
    public var title: String {
        switch self {
        case .skos: "SKOS edition"
        case .archimate: "ArchiMate exchange file"
        }
    }
}

/// A version `major.minor.patch`, compared numerically (so 10.0.0 comes after 9.1.0).
public struct SemanticVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var major, minor, patch: Int

    public init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// The first `X.Y.Z` in `text` (an optional `v` before it is allowed), or `nil` if there is none.
    /// "EIRA v6.0.0" → 6.0.0.
    public init?(findingIn text: String) {
        guard let match = text.firstMatch(of: /(\d+)\.(\d+)\.(\d+)/),
            let major = Int(match.1), let minor = Int(match.2), let patch = Int(match.3)
        else { return nil }
        self.init(major, minor, patch)
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }
}

/// One published EIRA release in one edition, and the named graph it lands in.
public struct EIRARelease: Hashable, Sendable, CustomStringConvertible {
    public var edition: EIRAEdition
    public var version: SemanticVersion

    public init(edition: EIRAEdition, version: SemanticVersion) {
        self.edition = edition
        self.version = version
    }

    /// Every EIRA graph Lodestar writes starts with this.
    public static let graphNamespace = "https://w3id.org/lodestar/graph/eira/"

    /// The mapping graph: PURI succession links recomputed over every imported release.
    public static let mappingGraph = IRI(graphNamespace + "mappings")

    /// `https://w3id.org/lodestar/graph/eira/{skos|archimate}/v{X.Y.Z}`.
    public var graph: IRI { IRI(Self.graphNamespace + edition.rawValue + "/v" + version.description) }

    /// The release a graph IRI names, or `nil` if it is not a release graph.
    public init?(graph: IRI) {
        guard graph.value.hasPrefix(Self.graphNamespace) else { return nil }
        let path = graph.value.dropFirst(Self.graphNamespace.count)
        guard let slash = path.firstIndex(of: "/"), let edition = EIRAEdition(rawValue: String(path[..<slash])) else { return nil }
        let versionText = path[path.index(after: slash)...]
        guard versionText.hasPrefix("v"), let version = SemanticVersion(findingIn: String(versionText)),
            "v" + version.description == versionText
        else { return nil }
        self.init(edition: edition, version: version)
    }

    /// "EIRA v6.0.0 (ArchiMate exchange file)".
    public var description: String { "EIRA v\(version) (\(edition.title))" }
}

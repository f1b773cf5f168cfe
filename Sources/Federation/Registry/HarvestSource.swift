public import RDF
import SPARQL
public import Store

/// A registered source: a repository whose ADMS-AP dump is harvested into `graph/source/{name}`.
public struct HarvestSource: Sendable, Codable, Hashable {
    public var name: String
    public var url: String
    /// A syntax name (`turtle`, `rdfxml`…) that overrides the Content-Type and extension.
    public var format: String?
    public var title: String?

    public init(name: String, url: String, format: String? = nil, title: String? = nil) {
        self.name = name
        self.url = url
        self.format = format
        self.title = title
    }

    /// The source's record in the sources graph.
    public var record: IRI { IRI("https://w3id.org/lodestar/source/\(name)") }
    public var graph: IRI { FederationGraphs.source(name) }

    /// Names become IRIs and paths: letters, digits, `-` and `_` only.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// The source registry: `dcat:Catalog` records with `dct:source` in the sources graph.
public enum SourceRegistry {
    /// Registers a source in one write.
    /// - Throws: `FederationError(.configuration)` for a bad name or URL or format, `.unknownSource` if the name is taken.
    public static func add(_ source: HarvestSource, to store: QuadStore) async throws {
        guard HarvestSource.isValidName(source.name) else {
            throw FederationError(.configuration, "a source name is letters, digits, '-' and '_' (got '\(source.name)')")
        }
        guard source.url.hasPrefix("http://") || source.url.hasPrefix("https://") || source.url.hasPrefix("file:") else {
            throw FederationError(.configuration, "a source URL is http(s) or file: (got '\(source.url)')")
        }
        if let format = source.format, RDFFormat(name: format) == nil {
            throw FederationError(.configuration, "unknown format '\(format)'")
        }
        guard try find(source.name, in: store.snapshot()) == nil else {
            throw FederationError(.unknownSource, "a source named '\(source.name)' already exists")
        }
        let graph = GraphName.iri(FederationGraphs.sources)
        let subject = Term.iri(source.record)
        var quads = [
            Quad(subject, .iri(NS.rdf + "type"), .iri(NS.dcat + "Catalog"), graph: graph),
            Quad(subject, .iri(NS.dct + "identifier"), .string(source.name), graph: graph),
            Quad(subject, .iri(NS.dct + "source"), .iri(source.url), graph: graph),
        ]
        if let title = source.title { quads.append(Quad(subject, .iri(NS.dct + "title"), .string(title), graph: graph)) }
        if let format = source.format { quads.append(Quad(subject, .iri(NS.lodestar + "format"), .string(format), graph: graph)) }
        try await store.insert(quads)
    }

    /// Every registered source, by name.
    public static func list(in snapshot: Snapshot) throws -> [HarvestSource] {
        let query = NS.sparqlPrologue + """
            SELECT ?name ?url ?format ?title WHERE { GRAPH <\(FederationGraphs.sources.value)> {
              ?record a dcat:Catalog ; dct:identifier ?name ; dct:source ?url .
              OPTIONAL { ?record lodestar:format ?format } OPTIONAL { ?record dct:title ?title } } }
            ORDER BY ?name
            """
        return try SPARQLRunner.select(query, in: snapshot, file: "source list").compactMap { row in
            guard let name = row["name"]?.literal?.lexicalForm, let url = row["url"]?.iri?.value else { return nil }
            return HarvestSource(name: name, url: url, format: row["format"]?.literal?.lexicalForm, title: row["title"]?.literal?.lexicalForm)
        }
    }

    public static func find(_ name: String, in snapshot: Snapshot) throws -> HarvestSource? {
        try list(in: snapshot).first { $0.name == name }
    }
}

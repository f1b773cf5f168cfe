public import RDF

/// A parsed SPARQL query: its form, its algebra and its dataset clause.
public struct Query: Hashable, Sendable {
    public enum Form: Hashable, Sendable {
        /// `pattern` ends in a `project` over exactly these variables, in SELECT order.
        case select
        /// Instantiated once per solution; blank-node terms in the template are fresh per solution.
        case construct(template: [TriplePattern])
        case ask
        /// The resources to describe: IRIs, or variables bound by `pattern`.
        case describe([TermPattern])
    }

    public var form: Form
    /// The whole query algebra, solution modifiers included (§18.2.5).
    public var pattern: GraphPattern
    /// FROM / FROM NAMED; `nil` when the query has none (the service's default dataset applies).
    public var dataset: QueryDataset?
    /// The base IRI after BASE declarations, for functions such as `IRI()`.
    public var baseIRI: String?

    public init(form: Form, pattern: GraphPattern, dataset: QueryDataset? = nil, baseIRI: String? = nil) {
        self.form = form
        self.pattern = pattern
        self.dataset = dataset
        self.baseIRI = baseIRI
    }
}

/// An RDF dataset description: FROM, FROM NAMED, and the protocol's `default-graph-uri` / `named-graph-uri`.
public struct QueryDataset: Hashable, Sendable {
    /// The graphs merged into the default graph.
    public var defaultGraphs: [IRI]
    /// The graphs `GRAPH ?g` ranges over; empty means none (FROM without FROM NAMED), unless `inheritsNamedGraphs`.
    public var namedGraphs: [IRI]
    /// `true` only for an update's `WITH <g>` without USING (SPARQL Update §3.1.3): `defaultGraphs` replaces the default
    /// graph, while `GRAPH` still ranges over every named graph of the store; `namedGraphs` is then empty and unused.
    public var inheritsNamedGraphs = false

    public init(defaultGraphs: [IRI] = [], namedGraphs: [IRI] = []) {
        self.defaultGraphs = defaultGraphs
        self.namedGraphs = namedGraphs
    }
}

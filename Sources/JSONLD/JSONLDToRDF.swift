public import RDF

/// Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8.1–8.5, https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm)
/// over expanded elements, emitting quads as it walks instead of building a node map first.
///
/// Walking gives the same triples as the node map: a node mentioned twice yields its statements twice (callers with
/// set semantics, like the store, do not mind). Blank nodes get fresh labels, `prefix` + a counter, consistently for
/// each document label `_:x`. Direction (`@direction`) is dropped, as with the spec's default `rdfDirection` of null.
///
/// As the spec says, a statement is dropped when a term it needs is not a well-formed absolute IRI (a relative
/// reference with no base, an IRI with a space) or a literal has a malformed language tag; unlike the spec's silence,
/// each drop is reported to `warn`. Blank node predicates (generalized RDF) are dropped without a warning.
struct RDFEmitter {
    private let prefix: String
    private let sink: (Quad) throws -> Void
    private let warn: (JSONLDError) -> Void
    private var labels: [String: BlankNode] = [:]
    private var counter = 0

    init(blankNodePrefix: String, warn: @escaping (JSONLDError) -> Void, emit: @escaping (Quad) throws -> Void) {
        self.prefix = blankNodePrefix
        self.warn = warn
        self.sink = emit
    }

    /// Emits the statements of top-level elements (in the default graph).
    mutating func emit(_ elements: [ExpandedElement]) throws {
        for case .node(let node) in elements { _ = try emitNode(node, in: .defaultGraph) }
    }

    /// Emits a node's statements in `graph`, and its named graph if it has one; returns its subject, or `nil` if its
    /// `@id` is not usable (its statements are dropped, those of nodes nested in it are not).
    private mutating func emitNode(_ node: ExpandedNode, in graph: GraphName) throws -> Term? {
        let subject: Term?
        if let id = node.id { subject = term(forID: id, what: "@id", offset: node.offset) } else { subject = .blankNode(freshBlankNode()) }
        for type in node.types {
            guard let object = term(forID: type, what: "@type", offset: node.offset), let subject else { continue }
            try sink(Quad(subject, .iri(RDFVocabulary.type), object, graph: graph))
        }
        for property in node.properties.keys.sorted(by: { CodePoints.less($0, $1) }) {
            let predicate = predicateTerm(property, offset: node.offset)
            for item in node.properties[property] ?? [] {
                // Nested nodes are emitted even when this statement cannot be.
                guard let object = try object(item, in: graph), let subject, let predicate else { continue }
                try sink(Quad(subject, predicate, object, graph: graph))
            }
        }
        for property in node.reverse.keys.sorted(by: { CodePoints.less($0, $1) }) {
            let predicate = predicateTerm(property, offset: node.offset)
            for case .node(let other) in node.reverse[property] ?? [] {
                guard let reverseSubject = try emitNode(other, in: graph), let subject, let predicate else { continue }
                try sink(Quad(reverseSubject, predicate, subject, graph: graph))
            }
        }
        // A graph whose name is unusable is skipped whole, as the spec skips it.
        if let elements = node.graph, let subject, let name = GraphName(subject) {
            for case .node(let inner) in elements { _ = try emitNode(inner, in: name) }
        }
        for case .node(let other) in node.included ?? [] { _ = try emitNode(other, in: graph) }
        return subject
    }

    /// Object to RDF (§8.2), with list conversion (§8.3); `nil` when the object cannot be made.
    private mutating func object(_ element: ExpandedElement, in graph: GraphName) throws -> Term? {
        switch element {
        case .node(let node):
            return try emitNode(node, in: graph)
        case .value(let value):
            return literal(value).map(Term.literal)
        case .list(let items, _):
            guard !items.isEmpty else { return .iri(RDFVocabulary.nil) }
            let nodes = items.map { _ in Term.blankNode(freshBlankNode()) }
            for (index, item) in items.enumerated() {
                if let first = try object(item, in: graph) {
                    try sink(Quad(nodes[index], .iri(RDFVocabulary.first), first, graph: graph))
                }
                let rest = index + 1 < nodes.count ? nodes[index + 1] : .iri(RDFVocabulary.nil)
                try sink(Quad(nodes[index], .iri(RDFVocabulary.rest), rest, graph: graph))
            }
            return nodes[0]
        }
    }

    private func literal(_ value: ExpandedValue) -> Literal? {
        var datatype: IRI?
        if let type = value.type, type != "@json" {
            if let problem = Self.iriProblem(type) {
                warn(JSONLDError(.invalidDocument, "datatype \"\(type)\" \(problem); the value is dropped", offset: value.offset))
                return nil
            }
            datatype = IRI(type)
        }
        switch value.content {
        case .json(let json):
            return Literal(JSONCanonicalizer.canonical(json), datatype: IRI(RDFVocabulary.namespace + "JSON"))
        case .bool(let flag):
            return Literal(flag ? "true" : "false", datatype: datatype ?? XSD.boolean)
        case .number(let number):
            let form = JSONLDNumbers.lexicalForm(of: number, asDouble: datatype == XSD.double)
            return Literal(form.lexical, datatype: datatype ?? form.datatype)
        case .string(let text):
            if let datatype { return Literal(text, datatype: datatype) }
            if let language = value.language {
                guard NQuadsParser.isValidLanguageTag(language) else {
                    warn(JSONLDError(.invalidDocument, "language tag \"\(language)\" is not well-formed; the value is dropped", offset: value.offset))
                    return nil
                }
                return Literal(text, language: language)
            }
            return Literal(text)
        }
    }

    /// The predicate for a property IRI; `nil` for a blank node (generalized RDF) or an unusable IRI.
    private func predicateTerm(_ property: String, offset: Int) -> Term? {
        if property.hasPrefix("_:") { return nil }
        if let problem = Self.iriProblem(property) {
            warn(JSONLDError(.invalidDocument, "property \"\(property)\" \(problem); its statements are dropped", offset: offset))
            return nil
        }
        return .iri(IRI(property))
    }

    /// The term for an `@id` or `@type` value: a blank node, or an IRI if it is well-formed (else a warning and `nil`).
    private mutating func term(forID id: String, what: String, offset: Int) -> Term? {
        guard id.hasPrefix("_:") else {
            if let problem = Self.iriProblem(id) {
                warn(JSONLDError(.invalidDocument, "\(what) \"\(id)\" \(problem); statements using it are dropped", offset: offset))
                return nil
            }
            return .iri(IRI(id))
        }
        if let node = labels[id] { return .blankNode(node) }
        let node = freshBlankNode()
        labels[id] = node
        return .blankNode(node)
    }

    private mutating func freshBlankNode() -> BlankNode {
        defer { counter += 1 }
        return BlankNode(prefix + String(counter))
    }

    /// Why `iri` is not an absolute IRI that RDF (and N-Triples) can hold, or `nil` if it is one.
    static func iriProblem(_ iri: String) -> String? {
        if Keyword.isKeyword(iri) { return "is a keyword, not an IRI" }
        if !IRIResolution.isAbsolute(iri) { return "is a relative IRI reference and there is no base IRI (or @vocab) to resolve it against" }
        guard let bad = iri.utf8.first(where: isForbiddenInIRI) else { return nil }
        let character = bad <= 0x20 ? "U+" + String(bad, radix: 16, uppercase: true) : "'\(Unicode.Scalar(bad))'"
        return "contains \(character), which an IRI cannot contain"
    }

    /// Characters IRIREF excludes (RDF 1.1 N-Triples), so every IRI we produce can be written back; all are ASCII.
    private static func isForbiddenInIRI(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
            true
        default: false
        }
    }
}

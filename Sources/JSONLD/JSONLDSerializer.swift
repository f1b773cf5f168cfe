public import RDF

/// Writes quads as a JSON-LD 1.1 document (https://www.w3.org/TR/json-ld11/), as UTF-8 bytes handed to a sink in
/// chunks of about 64 KiB.
///
/// The document is one object: `"@context"` maps the prefixes used to their namespaces, and `"@graph"` holds a node
/// object per subject of the default graph and a graph object (`{"@id": g, "@graph": […]}`) per named graph; a graph
/// name that is also a subject gets its `"@graph"` inside its node object. In a node object, `"@id"` comes first (a
/// compact IRI when a prefix applies, else the full IRI; `"_:label"` for a blank node), then `"@type"` (the `rdf:type`
/// values that are IRIs), then the properties sorted by key, then `"@graph"`. Values: `{"@id": …}` for IRIs and blank
/// nodes, a JSON string for an `xsd:string`, `{"@value", "@language"}` for a language-tagged string, and
/// `{"@value", "@type"}` for any other datatype: numbers and booleans stay strings, so every lexical form reads back
/// exactly. A property with one value has it bare, several are an array, sorted. The same quads always give the same
/// bytes (ETags rely on it).
///
/// Two groupings:
/// - `.bySubject` (default) keeps every quad until `finish()`, then writes each subject once, sorted, with duplicates
///   removed, and lists only the prefixes it used. Memory grows with the input: roughly 200 bytes per quad plus its
///   strings. Nothing reaches the sink before `finish()`.
/// - `.consecutiveSubjects` streams: each run of quads with the same graph and subject becomes one node object,
///   written as soon as the run ends, so memory is one subject's quads plus a chunk. Feed it quads sorted by graph and
///   subject (a store's GSPO order, an N-Quads dump) to get one node object per subject; unsorted input still gives a
///   correct document, with a subject split over several node objects. The context lists every usable prefix, since
///   it is written before the data.
///
/// Not `Sendable`: one serializer belongs to one writer.
///
/// ```swift
/// let serializer = JSONLDSerializer(prefixes: ["skos": SKOS.namespace]) { chunk in try body.write(chunk) }
/// for quad in quads { try serializer.write(quad) }
/// try serializer.finish()
/// ```
public final class JSONLDSerializer {
    /// How quads are gathered into node objects.
    public enum Grouping: Hashable, Sendable {
        /// Buffer everything; one node object per subject, sorted; only used prefixes in the context.
        case bySubject
        /// Stream; one node object per run of quads with the same graph and subject.
        case consecutiveSubjects
    }

    let grouping: Grouping
    var prefixes: JSONLDPrefixes
    var output: JSONByteWriter
    private var finished = false
    /// `.bySubject`: every quad so far.
    private var quads: [Quad] = []
    /// `.consecutiveSubjects`: the run being gathered, and what is open in the output.
    var stream = StreamState()

    /// Starts a document.
    /// - Parameters:
    ///   - prefixes: prefix name → namespace IRI. Prefixes JSON-LD could not read back as such (see `JSONLDPrefixes`:
    ///     the namespace must end in `/`, `#`, `:`, `?`, `[`, `]` or `@`; the name must be a plain term) are ignored.
    ///   - grouping: `.bySubject` (buffer, sort) or `.consecutiveSubjects` (stream).
    ///   - chunkSize: about how many bytes each call of `sink` receives (the last may be shorter).
    ///   - sink: receives the output, in order. What it throws is rethrown by `write` or `finish`.
    public init(
        prefixes: [String: String] = [:],
        grouping: Grouping = .bySubject,
        chunkSize: Int = 1 << 16,
        sink: @escaping ([UInt8]) throws -> Void
    ) {
        self.grouping = grouping
        self.prefixes = JSONLDPrefixes(prefixes)
        self.output = JSONByteWriter(chunkSize: chunkSize, sink: sink)
    }

    /// Adds one quad.
    /// - Throws: `JSONLDError` (`.unserializable`) for a literal subject, a predicate that is not an IRI, a write after
    ///   `finish()`, or (when streaming) an IRI such as `urn:x` that would read back as a compact IRI because `urn` is
    ///   one of the prefixes; what the sink threw.
    public func write(_ quad: Quad) throws {
        guard !finished else { throw JSONLDError(.unserializable, "write after finish()") }
        guard !quad.subject.isLiteral else { throw JSONLDError(.unserializable, "a literal cannot be a subject: \(quad)") }
        guard quad.predicate.isIRI else { throw JSONLDError(.unserializable, "the predicate must be an IRI: \(quad)") }
        switch grouping {
        case .bySubject: quads.append(quad)
        case .consecutiveSubjects: try streamWrite(quad)
        }
    }

    /// Adds every quad of `quads`, in order.
    public func write(contentsOf quads: some Sequence<Quad>) throws {
        for quad in quads { try write(quad) }
    }

    /// Ends the document and hands the rest of the output to the sink. Later calls do nothing.
    /// - Throws: `JSONLDError` as `write` does when streaming; what the sink threw.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        switch grouping {
        case .bySubject:
            let sorted = Self.sortedUnique(quads)
            quads = []
            try writeSorted(sorted)
        case .consecutiveSubjects:
            try streamFinish()
        }
        try output.flush()
    }

    /// The JSON-LD document for `quads`, grouped by subject and sorted.
    /// - Throws: `JSONLDError` (`.unserializable`) for a quad with a literal subject or a predicate that is not an IRI.
    public static func serialize(_ quads: some Sequence<Quad>, prefixes: [String: String] = [:]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let serializer = JSONLDSerializer(prefixes: prefixes) { bytes += $0 }
        try serializer.write(contentsOf: quads)
        try serializer.finish()
        return bytes
    }

    // MARK: Grouping by subject

    private func writeSorted(_ quads: [Quad]) throws {
        // A prefix that is also the scheme of some IRI (`urn` and `urn:x`) would make that IRI read back as a compact
        // IRI if it were ever written in full: leave such prefixes out.
        var clashes: Set<String> = []
        for quad in quads {
            for term in [quad.subject, quad.predicate, quad.object, quad.graph.term] {
                if let iri = Self.compactableIRI(in: term), let name = prefixes.misreading(iri) { clashes.insert(name) }
            }
        }
        prefixes.remove(clashes)
        // Compact every IRI once to learn which prefixes the context must list.
        for quad in quads {
            for term in [quad.subject, quad.predicate, quad.object, quad.graph.term] {
                if let iri = Self.compactableIRI(in: term) { _ = prefixes.compact(iri) }  // marks the prefix used
            }
        }
        writeHeader(prefixes.sorted(only: prefixes.used))
        var named: [(name: GraphName, quads: ArraySlice<Quad>)] = []
        var defaultEnd = 0
        while defaultEnd < quads.count, quads[defaultEnd].graph == .defaultGraph { defaultEnd += 1 }
        var start = defaultEnd
        while start < quads.count {
            var end = start + 1
            while end < quads.count, quads[end].graph == quads[start].graph { end += 1 }
            named.append((quads[start].graph, quads[start..<end]))
            start = end
        }
        // Top-level items in term order: default-graph subjects and graph names, merged.
        let subjects = Self.runs(quads[..<defaultEnd])
        var s = 0
        var g = 0
        var first = true
        while s < subjects.count || g < named.count {
            let subject = s < subjects.count ? subjects[s].first?.subject : nil
            let graphName = g < named.count ? named[g].name.term : nil
            var nodeQuads: ArraySlice<Quad> = []
            var graphQuads: ArraySlice<Quad>?
            let id: Term
            if let subject, graphName == nil || subject == graphName || Self.precedes(subject, graphName!) {
                id = subject
                nodeQuads = subjects[s]
                s += 1
                if subject == graphName {
                    graphQuads = named[g].quads
                    g += 1
                }
            } else {
                id = graphName!
                graphQuads = named[g].quads
                g += 1
            }
            try writeNode(id, Self.pairs(nodeQuads), indent: 2, first: first, graph: graphQuads.map(Self.runs))
            first = false
        }
        writeFooter(empty: first)
    }

    /// `quads` (sorted) cut into runs of one subject.
    static func runs(_ quads: ArraySlice<Quad>) -> [ArraySlice<Quad>] {
        var runs: [ArraySlice<Quad>] = []
        var start = quads.startIndex
        while start < quads.endIndex {
            var end = start + 1
            while end < quads.endIndex, quads[end].subject == quads[start].subject { end += 1 }
            runs.append(quads[start..<end])
            start = end
        }
        return runs
    }

    /// The predicate–object pairs of quads that passed `write`'s checks.
    static func pairs(_ quads: ArraySlice<Quad>) -> [(predicate: IRI, object: Term)] {
        quads.compactMap { quad in quad.predicate.iri.map { ($0, quad.object) } }
    }

    private static func sortedUnique(_ quads: [Quad]) -> [Quad] {
        let sorted = quads.sorted { compare($0, $1) < 0 }
        var unique: [Quad] = []
        unique.reserveCapacity(sorted.count)
        for quad in sorted where unique.last.map({ compare($0, quad) != 0 }) ?? true { unique.append(quad) }
        return unique
    }

    /// The IRI a term puts in the output (its own, or a typed literal's datatype), which may be compacted.
    static func compactableIRI(in term: Term?) -> String? {
        switch term {
        case .iri(let iri): iri.value
        case .literal(let literal) where !literal.isSimple && literal.language == nil: literal.datatype.value
        default: nil
        }
    }
}

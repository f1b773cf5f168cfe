import Foundation
import RDF
import Redland

/// The test-manifest vocabulary (http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#).
enum MF {
    static let namespace = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    static let entries = Term.iri(namespace + "entries")
    static let include = Term.iri(namespace + "include")
    static let name = Term.iri(namespace + "name")
    static let action = Term.iri(namespace + "action")
    static let result = Term.iri(namespace + "result")
    static let resultCardinality = Term.iri(namespace + "resultCardinality")
    static let laxCardinality = Term.iri(namespace + "LaxCardinality")
}

/// The query-test vocabulary (http://www.w3.org/2001/sw/DataAccess/tests/test-query#).
enum QT {
    static let namespace = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
    static let query = Term.iri(namespace + "query")
    static let data = Term.iri(namespace + "data")
    static let graphData = Term.iri(namespace + "graphData")
    static let serviceData = Term.iri(namespace + "serviceData")
}

/// The update-test vocabulary (http://www.w3.org/2009/sparql/tests/test-update#).
enum UT {
    static let namespace = "http://www.w3.org/2009/sparql/tests/test-update#"
    static let request = Term.iri(namespace + "request")
    static let data = Term.iri(namespace + "data")
    static let graphData = Term.iri(namespace + "graphData")
    static let graph = Term.iri(namespace + "graph")
}

/// Approval states (http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#) and the entailment regime of service descriptions.
enum DAWGT {
    static let namespace = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"
    static let approval = Term.iri(namespace + "approval")
    static let approved = namespace + "Approved"
    static let entailmentRegime = Term.iri("http://www.w3.org/ns/sparql-service-description#entailmentRegime")
}

/// Reads W3C test manifests with raptor's Turtle parser, following `mf:include` lists, and collects their entries in
/// manifest order (each test once, however often it is included).
///
/// ```swift
/// var reader = try ManifestReader()
/// try reader.read(ConformanceData.root.appendingPathComponent("sparql11/manifest-all.ttl").absoluteString)
/// print(reader.entries.count)
/// ```
struct ManifestReader {
    private let world: RedlandWorld
    private(set) var entries: [ManifestEntry] = []
    private var readManifests: Set<String> = []
    private var seenTests: Set<String> = []

    init() throws { world = try RedlandWorld() }

    /// Reads the manifest at a `file:` IRI (its own base IRI), then the manifests it includes, depth first.
    /// - Throws: `RedlandError` if a manifest is missing or is not Turtle.
    mutating func read(_ manifest: String) throws {
        guard readManifests.insert(manifest).inserted, let url = ConformanceData.file(manifest) else { return }
        var graph = ManifestGraph()
        // Labels as written: each manifest is its own graph here, so nothing is merged across files.
        try RDFReader.parse(file: url.path, format: .turtle, baseIRI: manifest, world: world, blankNodes: .asWritten) {
            graph.add($0.triple)
        }
        let folder = ConformanceData.relativePath(url.deletingLastPathComponent().absoluteString)
        let normalizedFolder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        for list in graph.objects(ofAny: MF.include) {
            for included in graph.list(list) { if let iri = included.iri { try read(iri.value) } }
        }
        for list in graph.objects(ofAny: MF.entries) {
            for node in graph.list(list) {
                guard let iri = node.iri?.value, seenTests.insert(iri).inserted else { continue }
                entries.append(Self.entry(node, id: iri, folder: normalizedFolder, in: graph))
            }
        }
    }

    private static func entry(_ node: Term, id: String, folder: String, in graph: ManifestGraph) -> ManifestEntry {
        let type = graph.object(node, .iri(RDFVocabulary.type))?.iri.map { TestType(iri: $0.value) } ?? .other("(no rdf:type)")
        var approval = Approval.none
        if let status = graph.object(node, DAWGT.approval)?.iri?.value {
            approval = status == DAWGT.approved ? .approved : .notApproved(status.split(separator: "#").last.map(String.init) ?? status)
        }
        var entry = ManifestEntry(
            id: id, type: type, name: graph.object(node, MF.name)?.literal?.lexicalForm ?? id, folder: folder, approval: approval)
        entry.laxCardinality = graph.object(node, MF.resultCardinality) == MF.laxCardinality
        entry.needsEntailment = graph.object(node, DAWGT.entailmentRegime) != nil

        let action = graph.object(node, MF.action)
        let result = graph.object(node, MF.result)
        switch action {
        case .iri(let file)?:
            entry.query = file.value  // syntax tests name the file directly
        case let action?:
            entry.query = graph.object(action, QT.query)?.iri?.value
            entry.data = graph.objects(action, QT.data).compactMap { $0.iri?.value }
            entry.graphData = graph.objects(action, QT.graphData).compactMap { $0.iri?.value }
            entry.needsService = graph.object(action, QT.serviceData) != nil
            entry.needsEntailment = entry.needsEntailment || graph.object(action, DAWGT.entailmentRegime) != nil
            if let request = graph.object(action, UT.request)?.iri?.value {
                var update = UpdateAction(request: request)
                update.data = graph.objects(action, UT.data).compactMap { $0.iri?.value }
                update.graphData = namedGraphs(of: action, in: graph)
                if let result, !result.isIRI {
                    update.expectedData = graph.objects(result, UT.data).compactMap { $0.iri?.value }
                    update.expectedGraphData = namedGraphs(of: result, in: graph)
                }
                entry.update = update
            }
        case nil:
            break
        }
        if case .iri(let file)? = result { entry.result = file.value }
        return entry
    }

    /// `ut:graphData [ ut:graph <file> ; rdfs:label "name" ]`, each as a file and the graph name it is loaded as.
    private static func namedGraphs(of node: Term, in graph: ManifestGraph) -> [UpdateAction.NamedGraph] {
        graph.objects(node, UT.graphData).compactMap { description in
            guard let file = graph.object(description, UT.graph)?.iri?.value else { return nil }
            let name = graph.object(description, .iri(RDFS.label))?.literal?.lexicalForm ?? file
            return UpdateAction.NamedGraph(file: file, name: name)
        }
    }
}

/// One manifest's triples, indexed by subject, in document order.
struct ManifestGraph {
    private var properties: [Term: [(predicate: Term, object: Term)]] = [:]
    private var objectsByPredicate: [Term: [Term]] = [:]

    mutating func add(_ triple: Triple) {
        properties[triple.subject, default: []].append((triple.predicate, triple.object))
        objectsByPredicate[triple.predicate, default: []].append(triple.object)
    }

    func objects(_ subject: Term, _ predicate: Term) -> [Term] {
        properties[subject, default: []].filter { $0.predicate == predicate }.map(\.object)
    }

    func object(_ subject: Term, _ predicate: Term) -> Term? { objects(subject, predicate).first }

    /// The objects of `predicate` whatever the subject (`<> mf:entries (…)`, whatever `<>` resolved to).
    func objects(ofAny predicate: Term) -> [Term] { objectsByPredicate[predicate, default: []] }

    /// The members of an RDF collection, in order; stops at `rdf:nil` or at a malformed link.
    func list(_ head: Term) -> [Term] {
        var members: [Term] = []
        var node = head
        var visited: Set<Term> = []
        while node != .iri(RDFVocabulary.nil), visited.insert(node).inserted, let first = object(node, .iri(RDFVocabulary.first)) {
            members.append(first)
            guard let rest = object(node, .iri(RDFVocabulary.rest)) else { break }
            node = rest
        }
        return members
    }
}

import Foundation
import JSONLD
import RDF
import Testing

/// Parses JSON-LD text into quads (duplicates removed).
func parseJSONLD(_ text: String, base: String? = nil) throws -> [Quad] {
    try JSONLDParser.parse(Array(text.utf8), baseIRI: base)
}

/// Parses N-Quads text.
func parseNQuads(_ text: String) throws -> [Quad] {
    var quads: [Quad] = []
    try NQuadsParser.parse(Array(text.utf8)) { quads.append($0) }
    return quads
}

/// The message a throwing call fails with, or `nil` if it does not throw.
func errorText(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return "\(error)"
    }
}

/// True when the two sets of quads are the same up to a renaming of blank nodes (RDF 1.1 graph isomorphism,
/// extended to datasets). Backtracking, pruned by each blank node's neighbourhood: fine for test-sized data.
func isomorphic(_ a: some Sequence<Quad>, _ b: some Sequence<Quad>) -> Bool {
    let a = Set(a)
    let b = Set(b)
    guard a.count == b.count else { return false }
    let groundA = a.filter { !$0.hasBlankNode }
    let groundB = b.filter { !$0.hasBlankNode }
    guard groundA == groundB else { return false }
    let blankA = a.subtracting(groundA)
    let blankB = b.subtracting(groundB)
    let nodesA = Array(Set(blankA.flatMap(\.blankNodes))).sorted()
    let nodesB = Set(blankB.flatMap(\.blankNodes))
    guard nodesA.count == nodesB.count else { return false }
    let signaturesA = signatures(blankA)
    let signaturesB = signatures(blankB)
    var mapping: [BlankNode: BlankNode] = [:]
    var used: Set<BlankNode> = []

    func consistent() -> Bool {
        blankA.allSatisfy { quad in
            guard quad.blankNodes.allSatisfy({ mapping[$0] != nil }) else { return true }
            return blankB.contains(quad.renamed(mapping))
        }
    }

    func search(_ index: Int) -> Bool {
        guard index < nodesA.count else { return true }
        let node = nodesA[index]
        for candidate in nodesB where !used.contains(candidate) && signaturesA[node] == signaturesB[candidate] {
            mapping[node] = candidate
            used.insert(candidate)
            if consistent() && search(index + 1) { return true }
            mapping[node] = nil
            used.remove(candidate)
        }
        return false
    }
    return search(0)
}

/// For each blank node, a sorted description of the quads it occurs in, with blank nodes blurred.
private func signatures(_ quads: Set<Quad>) -> [BlankNode: [String]] {
    var result: [BlankNode: [String]] = [:]
    for quad in quads {
        let blurred = quad.renamed([:], blur: true).description
        for (position, node) in quad.blankNodePositions { result[node, default: []].append("\(position) \(blurred)") }
    }
    return result.mapValues { $0.sorted() }
}

extension Quad {
    var terms: [Term] { [subject, predicate, object] + (graph.term.map { [$0] } ?? []) }
    var hasBlankNode: Bool { terms.contains { $0.isBlankNode } }
    var blankNodes: [BlankNode] { terms.compactMap { if case .blankNode(let node) = $0 { node } else { nil } } }
    var blankNodePositions: [(Int, BlankNode)] {
        terms.enumerated().compactMap { index, term in if case .blankNode(let node) = term { (index, node) } else { nil } }
    }

    func renamed(_ mapping: [BlankNode: BlankNode], blur: Bool = false) -> Quad {
        func rename(_ term: Term) -> Term {
            guard case .blankNode(let node) = term else { return term }
            return blur ? .blankNode(BlankNode("x")) : .blankNode(mapping[node] ?? node)
        }
        var quad = Quad(rename(subject), predicate, rename(object), graph: graph)
        if case .blankNode(let node) = graph {
            quad.graph = blur ? .blankNode(BlankNode("x")) : .blankNode(mapping[node] ?? node)
        }
        return quad
    }
}

/// Where the shared data lives: `$LODESTAR_SHARED`, else `<package root>/../shared`.
enum JSONLDSharedData {
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["LODESTAR_SHARED"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("data").path) }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("data").appendingPathComponent(relative)))
    }

    static let skipReason: Comment = "shared data not found: set LODESTAR_SHARED or put it at <package root>/../shared/data"
}

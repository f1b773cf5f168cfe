import Foundation
import RDF
import Store

extension Harvester {
    /// Classifies each solution against what is published, then writes — in one store write — the source graph's
    /// net change, the previous version, and the provenance record. Unchanged solutions keep their published
    /// triples (and blank nodes), so a re-serialised dump writes nothing.
    func publish(_ source: HarvestSource, graph incoming: WorkingGraph, options: Options, report: inout HarvestReport) async throws {
        let snapshot = store.snapshot()
        let sourceGraph = GraphName.iri(source.graph)
        let current = snapshot.quads(in: sourceGraph).map(\.triple)
        let currentGraph = WorkingGraph(current)
        let before = SolutionTrees.build(currentGraph)
        let after = SolutionTrees.build(incoming)

        var keep = Set<Triple>()
        var replaced = Set<Triple>()
        for (solution, tree) in after.sorted(by: { $0.key.description < $1.key.description }) {
            let classification: Classification
            if let old = before[solution] {
                classification = old.hash != nil && old.hash == tree.hash ? .unchanged : .changed
            } else {
                classification = .new
            }
            if classification == .unchanged, let old = before[solution] {
                keep.formUnion(old.triples)
                replaced.formUnion(tree.triples)
            }
            report.solutions.append(.init(iri: Validator.text(solution), title: tree.title, classification: classification, hash: tree.hash))
        }
        let removed = before.keys.filter { after[$0] == nil }.sorted { $0.description < $1.description }
        for solution in removed {
            report.solutions.append(.init(iri: Validator.text(solution), title: before[solution]?.title, classification: .removed, hash: before[solution]?.hash))
        }
        if !before.isEmpty && removed.count * 2 > before.count && !options.allowMassRemoval {
            throw FederationError(
                .massRemoval, "\(removed.count) of \(before.count) published solutions would be removed; run again with --allow-mass-removal")
        }

        var next = Set(incoming.triples.filter { !replaced.contains($0) })
        next.formUnion(keep)
        let currentSet = Set(current)
        let deletions = currentSet.subtracting(next)
        let insertions = next.subtracting(currentSet)
        report.publishedTriples = next.count
        report.inserted = insertions.count
        report.deleted = deletions.count
        report.ended = Date()
        guard !deletions.isEmpty || !insertions.isEmpty else {
            report.outcome = .unchanged
            return  // the caller records the run
        }
        report.outcome = .published
        let previousGraph = GraphName.iri(FederationGraphs.previous(source.name))
        var change = ChangeSet()
        change.deletions = deletions.map { Quad($0, graph: sourceGraph) } + snapshot.quads(in: previousGraph)
        change.insertions = insertions.map { Quad($0, graph: sourceGraph) } + current.map { Quad($0, graph: previousGraph) }
        change.insertions += Provenance.quads(for: report, source: source)
        try await store.apply(change)
    }

    /// Puts the version the last publish replaced back (and keeps the replaced one, so a second rollback undoes it).
    public func rollback(_ name: String) async throws -> HarvestReport {
        let snapshot = store.snapshot()
        guard let source = try SourceRegistry.find(name, in: snapshot) else {
            throw FederationError(.unknownSource, "no source named '\(name)' (see `lodestar source list`)")
        }
        try acquireForRollback(name)
        defer { releaseAfterRollback(name) }
        let history = try Provenance.reports(name, in: snapshot)
        guard history.contains(where: { $0.outcome == .published || $0.outcome == .rolledBack }) else {
            throw FederationError(.noPreviousVersion, "'\(name)' has never been published: there is nothing to roll back to")
        }
        let sourceGraph = GraphName.iri(source.graph), previousGraph = GraphName.iri(FederationGraphs.previous(name))
        let current = snapshot.quads(in: sourceGraph).map(\.triple), previous = snapshot.quads(in: previousGraph).map(\.triple)
        var report = HarvestReport(source: name, run: (history.last?.run ?? 0) + 1, started: Date(), url: source.url)
        report.outcome = .rolledBack
        report.publishedTriples = previous.count
        report.inserted = Set(previous).subtracting(current).count
        report.deleted = Set(current).subtracting(previous).count
        report.ended = Date()
        var change = ChangeSet()
        change.deletions = current.map { Quad($0, graph: sourceGraph) } + previous.map { Quad($0, graph: previousGraph) }
        change.insertions = previous.map { Quad($0, graph: sourceGraph) } + current.map { Quad($0, graph: previousGraph) }
        change.insertions += Provenance.quads(for: report, source: source)
        try await store.apply(change)
        return report
    }

    /// Every stored report of a source, oldest first.
    public func history(_ name: String) throws -> [HarvestReport] { try Provenance.reports(name, in: store.snapshot()) }
}

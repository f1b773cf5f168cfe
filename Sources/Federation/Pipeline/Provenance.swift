import Foundation
import RDF
import SPARQL
import Store

/// PROV-O records in the provenance graph: one `prov:Activity` per run, one `prov:Entity` per solution it classified.
enum Provenance {
    static var graph: GraphName { .iri(FederationGraphs.provenance) }

    static func activity(_ source: String, _ run: Int) -> Term { .iri("https://w3id.org/lodestar/source/\(source)/run/\(run)") }

    /// The quads recording `report`.
    static func quads(for report: HarvestReport, source: HarvestSource) -> [Quad] {
        let run = activity(report.source, report.run)
        let time = { (date: Date) in Term.literal(Literal(ISO8601DateFormatter().string(from: date), datatype: IRI(NS.xsd + "dateTime"))) }
        var quads: [Quad] = []
        func add(_ s: Term, _ p: String, _ o: Term) { quads.append(Quad(s, .iri(p), o, graph: graph)) }
        add(run, NS.rdf + "type", .iri(NS.prov + "Activity"))
        add(run, NS.prov + "wasAssociatedWith", .iri(source.record.value))
        add(run, NS.lodestar + "source", .string(report.source))
        add(run, NS.lodestar + "runNumber", .literal(Literal(String(report.run), datatype: IRI(NS.xsd + "integer"))))
        add(run, NS.lodestar + "outcome", .string(report.outcome.rawValue))
        add(run, NS.prov + "startedAtTime", time(report.started))
        if let ended = report.ended { add(run, NS.prov + "endedAtTime", time(ended)) }
        add(run, NS.lodestar + "report", .literal(Literal(report.json(), datatype: IRI(NS.rdf + "JSON"))))
        if report.outcome == .published { add(run, NS.prov + "generated", .iri(source.graph.value)) }
        let used = Term.iri(report.url)
        add(run, NS.prov + "used", used)
        if let etag = report.etag { add(run, NS.lodestar + "etag", .string(etag)) }
        if let lastModified = report.lastModified { add(run, NS.lodestar + "lastModified", .string(lastModified)) }
        if let sha = report.sha256 { add(run, NS.lodestar + "sha256", .string(sha)) }
        for (index, solution) in report.solutions.enumerated() {
            let entity = Term.iri("https://w3id.org/lodestar/source/\(report.source)/run/\(report.run)/solution/\(index + 1)")
            add(entity, NS.rdf + "type", .iri(NS.prov + "Entity"))
            add(entity, NS.prov + "specializationOf", .iri(solution.iri))
            add(entity, NS.prov + "wasGeneratedBy", run)
            add(entity, NS.lodestar + "classification", .string(solution.classification.rawValue))
            if let hash = solution.hash { add(entity, NS.lodestar + "hash", .string(hash)) }
        }
        return quads
    }

    /// Every stored report of `source`, oldest first.
    static func reports(_ source: String, in snapshot: Snapshot) throws -> [HarvestReport] {
        let query = NS.sparqlPrologue + """
            SELECT ?report WHERE { GRAPH <\(FederationGraphs.provenance.value)> {
              ?run a prov:Activity ; lodestar:source "\(source)" ; lodestar:report ?report . } }
            """
        let reports = try SPARQLRunner.select(query, in: snapshot, file: "provenance").compactMap { row in
            row["report"]?.literal.flatMap { HarvestReport.decode($0.lexicalForm) }
        }
        return reports.sorted { $0.run < $1.run }
    }
}

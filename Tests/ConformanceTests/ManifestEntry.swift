import Foundation
import Testing

/// One test of a W3C manifest (https://www.w3.org/2009/sparql/docs/tests/README.html), with its files as IRIs.
///
/// Files are `file:` IRIs because manifests are read with their own file IRI as base; those same IRIs are the base
/// IRIs of the queries and data, and the names of `qt:graphData` graphs.
struct ManifestEntry: Hashable, Sendable, Identifiable, CustomTestStringConvertible {
    /// The test's IRI (`http://www.w3.org/2009/sparql/docs/tests/data-sparql11/aggregates/manifest#agg01`): the key of
    /// `ExpectedFailures`.
    var id: String
    var type: TestType
    /// `mf:name`.
    var name: String
    /// The manifest's folder relative to the conformance root (`sparql11/aggregates`): the rows of the summary table.
    var folder: String
    var approval: Approval
    /// `qt:query`, or the `mf:action` file of a syntax test.
    var query: String?
    /// `qt:data`: loaded into the default graph.
    var data: [String] = []
    /// `qt:graphData`: each loaded into a named graph named by its file IRI.
    var graphData: [String] = []
    /// `mf:result`, for query evaluation.
    var result: String?
    /// `mf:resultCardinality mf:LaxCardinality` (REDUCED): any count between the distinct and the full one is right.
    var laxCardinality = false
    /// The test names an entailment regime (`sd:entailmentRegime`): it needs RDFS/OWL reasoning.
    var needsEntailment = false
    /// The test gives `qt:serviceData`: it needs remote SERVICE endpoints.
    var needsService = false
    /// What an update test starts from and must end with.
    var update: UpdateAction?

    /// What Swift Testing shows for the case: folder and name, so a failure reads by name.
    var testDescription: String { "\(folder): \(name)" }

    /// The fragment of the test IRI (`agg01`), for short listings.
    var shortName: String { id.split(separator: "#").last.map(String.init) ?? id }
}

/// The test types the manifests use, by their IRI in the test-manifest vocabulary.
enum TestType: Hashable, Sendable {
    case queryEvaluation
    /// A SELECT whose answer is compared in the lossy CSV format.
    case csvResultFormat
    /// `mf:PositiveSyntaxTest` (SPARQL 1.0) or `mf:PositiveSyntaxTest11`.
    case positiveSyntax
    case negativeSyntax
    case positiveUpdateSyntax
    case negativeUpdateSyntax
    case updateEvaluation
    /// SPARQL Protocol, Graph Store Protocol and service description tests: HTTP exchanges.
    case protocolExchange
    /// A type this runner does not know, by IRI.
    case other(String)

    init(iri: String) {
        let name = iri.hasPrefix(MF.namespace) ? String(iri.dropFirst(MF.namespace.count)) : iri
        switch name {
        case "QueryEvaluationTest": self = .queryEvaluation
        case "CSVResultFormatTest": self = .csvResultFormat
        case "PositiveSyntaxTest", "PositiveSyntaxTest11": self = .positiveSyntax
        case "NegativeSyntaxTest", "NegativeSyntaxTest11": self = .negativeSyntax
        case "PositiveUpdateSyntaxTest11": self = .positiveUpdateSyntax
        case "NegativeUpdateSyntaxTest11": self = .negativeUpdateSyntax
        case "UpdateEvaluationTest": self = .updateEvaluation
        case "ProtocolTest", "GraphStoreProtocolTest", "ServiceDescriptionTest": self = .protocolExchange
        default: self = .other(iri)
        }
    }
}

/// `dawgt:approval`. Tests without one (newer tests in rdf-tests) are run like approved ones.
enum Approval: Hashable, Sendable {
    case approved
    case none
    /// `dawgt:Proposed`, `dawgt:NotClassified`, `dawgt:Withdrawn`, `dawgt:NotApproved`: not run; the local name says which.
    case notApproved(String)
}

/// The state before and after an update evaluation test (`ut:data`, `ut:graphData` with `ut:graph` and `rdfs:label`).
struct UpdateAction: Hashable, Sendable {
    /// A named graph: its contents file and its name (the `rdfs:label`).
    struct NamedGraph: Hashable, Sendable {
        var file: String
        var name: String
    }

    /// `ut:request`, the update to run.
    var request: String?
    var data: [String] = []
    var graphData: [NamedGraph] = []
    var expectedData: [String] = []
    var expectedGraphData: [NamedGraph] = []
}

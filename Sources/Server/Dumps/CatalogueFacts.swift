import Foundation
import RDF

/// What the VoID and DCAT descriptions say about the server itself, and how they name things.
package struct CatalogueFacts: Sendable {
    /// The public base URL, without a trailing slash.
    package var baseURL: String
    package var title: String
    package var description: String
    package var publisherName: String
    /// The publisher's IRI; by default `{baseURL}/#publisher`.
    package var publisherIRI: String?
    /// The PURI namespaces whose URIs the store describes (`void:uriSpace`).
    package var uriSpaces: [String]

    package init(baseURL: String, title: String, description: String, publisherName: String, publisherIRI: String? = nil, uriSpaces: [String]) {
        self.baseURL = baseURL
        self.title = title
        self.description = description
        self.publisherName = publisherName
        self.publisherIRI = publisherIRI
        self.uriSpaces = uriSpaces
    }

    package var sparqlEndpoint: String { baseURL + "/sparql" }

    /// The URL of a dump file.
    package func url(of file: DumpFile) -> String { baseURL + "/dumps/" + file.fileName }

    /// A human title for a dataset.
    package func title(of dataset: DumpDataset) -> String {
        switch dataset {
        case .all: "\(title): the whole store"
        case .graph(.defaultGraph): "\(title): the default graph"
        case .graph(let graph): "\(title): graph \(graph.term?.description ?? graph.description)"
        }
    }

    package func description(of dataset: DumpDataset, triples: Int) -> String {
        switch dataset {
        case .all: "Every graph of \(title) (\(triples) quads), as N-Quads and TriG dumps."
        case .graph(.defaultGraph): "The default graph of \(title) (\(triples) triples)."
        case .graph(let graph): "The named graph \(graph.term?.description ?? "") of \(title) (\(triples) triples)."
        }
    }
}

/// Small helpers for building description quads.
struct QuadBuilder {
    private(set) var quads: [Quad] = []

    mutating func add(_ subject: Term, _ predicate: String, _ object: Term) {
        quads.append(Quad(subject, .iri(predicate), object))
    }

    static func integer(_ value: Int, type: String = XSD.namespace + "integer") -> Term {
        .literal(Literal(String(value), datatype: IRI(type)))
    }

    static func dateTime(_ date: Date) -> Term {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return .literal(Literal(formatter.string(from: date), datatype: XSD.dateTime))
    }
}

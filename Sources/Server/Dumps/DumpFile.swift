package import RDF
package import Resolver
import Redland

/// What one dump holds: the whole store, or one graph (the default graph included).
package enum DumpDataset: Hashable, Sendable {
    case all
    case graph(GraphName)

    /// The name in dump URLs: `all`, `default`, or the graph's slug (`GraphSlug`).
    package var name: String {
        switch self {
        case .all: "all"
        case .graph(.defaultGraph): "default"
        case .graph(let graph): GraphSlug.slug(for: graph)
        }
    }

    /// The syntaxes this dataset is dumped in: quads for the whole store, triples for one graph.
    package var formats: [RDFFormat] {
        switch self {
        case .all: [.nquads, .trig]
        case .graph: [.ntriples, .turtle, .rdfxml, .jsonLD]
        }
    }
}

/// One downloadable file: a dataset in one syntax, plain or gzip-compressed (`/dumps/{name}.{ext}[.gz]`).
package struct DumpFile: Hashable, Sendable {
    package var dataset: DumpDataset
    package var format: RDFFormat
    package var compressed: Bool

    package init(dataset: DumpDataset, format: RDFFormat, compressed: Bool) {
        self.dataset = dataset
        self.format = format
        self.compressed = compressed
    }

    /// `name.ext` or `name.ext.gz`: the last segment of its URL.
    package var fileName: String { "\(dataset.name).\(format.fileExtension)" + (compressed ? ".gz" : "") }

    /// The `Content-Type` it is served with: the syntax's media type, or `application/gzip` when compressed (a harvester
    /// that asked for the `.gz` wants the file, not a transfer encoding).
    package var mediaType: String { compressed ? Self.gzipMediaType : format.mediaType }

    package static let gzipMediaType = "application/gzip"

    /// The file a URL segment names, given the datasets that exist, or `nil` if it names none (unknown graph, an
    /// extension that is not a dump syntax, or a syntax the dataset is not dumped in).
    package init?(fileName: String, datasets: [DumpDataset]) {
        var rest = Substring(fileName)
        let compressed = rest.hasSuffix(".gz")
        if compressed { rest = rest.dropLast(3) }
        guard let dot = rest.lastIndex(of: "."), dot != rest.startIndex else { return nil }
        let name = rest[..<dot]
        let fileExtension = rest[rest.index(after: dot)...]
        guard let dataset = datasets.first(where: { $0.name == name }),
            let format = dataset.formats.first(where: { $0.fileExtension == fileExtension })
        else { return nil }
        self.init(dataset: dataset, format: format, compressed: compressed)
    }

    /// Every file of `dataset`: each syntax, plain then gzip.
    package static func files(of dataset: DumpDataset) -> [DumpFile] {
        dataset.formats.flatMap {
            [DumpFile(dataset: dataset, format: $0, compressed: false), DumpFile(dataset: dataset, format: $0, compressed: true)]
        }
    }
}

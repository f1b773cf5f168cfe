import Resolver
package import RDF

/// The VoID description of the store (https://www.w3.org/TR/void/), served at `/.well-known/void` (VoID §7.2): a
/// `void:Dataset` for the whole store with one subset per graph, each with its size, dumps, vocabularies and class and
/// property partitions.
package enum VoIDDescription {
    package static let void = "http://rdfs.org/ns/void#"
    static let dcterms = "http://purl.org/dc/terms/"

    package static let prefixes: [String: String] = ["void": void, "dct": dcterms, "xsd": XSD.namespace, "rdf": RDFVocabulary.namespace]

    /// The IRI of a dataset's description: `{base}/.well-known/void#{name}`.
    package static func iri(of dataset: DumpDataset, facts: CatalogueFacts) -> String {
        facts.baseURL + "/.well-known/void#" + dataset.name
    }

    /// The description's quads (default graph).
    /// - Parameters:
    ///   - versions: the datasets and their sizes.
    ///   - statistics: their partitions.
    package static func quads(facts: CatalogueFacts, versions: DatasetVersions, statistics: DatasetStatistics) -> [Quad] {
        var builder = QuadBuilder()
        let type = RDFVocabulary.type.value
        for dataset in versions.ordered {
            guard let version = versions.datasets[dataset] else { continue }
            let subject = Term.iri(iri(of: dataset, facts: facts))
            builder.add(subject, type, .iri(void + "Dataset"))
            builder.add(subject, dcterms + "title", .string(facts.title(of: dataset)))
            // No dcterms:modified: it is local to each server (see DCATCatalog).
            builder.add(subject, void + "triples", QuadBuilder.integer(version.triples))
            builder.add(subject, void + "sparqlEndpoint", .iri(facts.sparqlEndpoint))
            for file in DumpFile.files(of: dataset) { builder.add(subject, void + "dataDump", .iri(facts.url(of: file))) }
            for format in dataset.formats { builder.add(subject, void + "feature", .iri(format.formatIRI)) }
            for space in facts.uriSpaces { builder.add(subject, void + "uriSpace", .string(space)) }
            for vocabulary in statistics.vocabularies(of: dataset) { builder.add(subject, void + "vocabulary", .iri(vocabulary)) }
            if dataset == .all {
                for other in versions.ordered where other != .all {
                    builder.add(subject, void + "subset", .iri(iri(of: other, facts: facts)))
                }
            }
            for (index, (classIRI, count)) in (statistics.classes[dataset] ?? []).enumerated() {
                let partition = Term.blankNode(BlankNode("\(dataset.name)-class\(index)"))
                builder.add(subject, void + "classPartition", partition)
                builder.add(partition, void + "class", .iri(classIRI))
                builder.add(partition, void + "entities", QuadBuilder.integer(count))
            }
            for (index, (propertyIRI, count)) in (statistics.properties[dataset] ?? []).enumerated() {
                let partition = Term.blankNode(BlankNode("\(dataset.name)-property\(index)"))
                builder.add(subject, void + "propertyPartition", partition)
                builder.add(partition, void + "property", .iri(propertyIRI))
                builder.add(partition, void + "triples", QuadBuilder.integer(count))
            }
        }
        return builder.quads
    }
}

package import RDF
package import Store

/// Class and property partitions of each graph (VoID §4.6, https://www.w3.org/TR/void/#class-property-partitions):
/// how many instances each class has and how many triples use each property.
package struct DatasetStatistics: Sendable {
    /// Per dataset: class → distinct subjects typed with it.
    package var classes: [DumpDataset: [(IRI, Int)]] = [:]
    /// Per dataset: property → triples.
    package var properties: [DumpDataset: [(IRI, Int)]] = [:]

    /// One pass over the snapshot in integers; terms are decoded once per distinct class and property. `rdf:type`
    /// triples are a set, so counting them counts distinct instances.
    package init(snapshot: Snapshot, datasets: [DumpDataset]) {
        let typeID = snapshot.id(of: .iri(RDFVocabulary.type))
        var allClasses: [TermID: Int] = [:]
        var allProperties: [TermID: Int] = [:]
        func decoded(_ counts: [TermID: Int]) -> [(IRI, Int)] {
            counts.compactMap { id, count in snapshot.term(for: id).iri.map { ($0, count) } }.sorted { $0.0.value < $1.0.value }
        }
        for dataset in datasets {
            guard case .graph(let graph) = dataset, let graphID = snapshot.id(of: graph) else { continue }
            var classCounts: [TermID: Int] = [:]
            var propertyCounts: [TermID: Int] = [:]
            for quad in snapshot.quads(matching: EncodedQuadPattern(graph: graphID)) {
                propertyCounts[quad.predicate, default: 0] += 1
                if quad.predicate == typeID { classCounts[quad.object, default: 0] += 1 }
            }
            classes[dataset] = decoded(classCounts)
            properties[dataset] = decoded(propertyCounts)
            allClasses.merge(classCounts, uniquingKeysWith: +)
            allProperties.merge(propertyCounts, uniquingKeysWith: +)
        }
        classes[.all] = decoded(allClasses)
        properties[.all] = decoded(allProperties)
    }

    /// The namespaces of the classes and properties `dataset` uses (up to the last `#` or `/`), for `void:vocabulary`.
    package func vocabularies(of dataset: DumpDataset) -> [String] {
        let iris = (classes[dataset] ?? []).map(\.0.value) + (properties[dataset] ?? []).map(\.0.value)
        var namespaces = Set<String>()
        for iri in iris {
            guard let cut = iri.lastIndex(where: { $0 == "#" || $0 == "/" }) else { continue }
            namespaces.insert(String(iri[...cut]))
        }
        return namespaces.sorted()
    }
}

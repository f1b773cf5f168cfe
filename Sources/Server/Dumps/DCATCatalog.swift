package import RDF
import Redland
import Resolver

/// The DCAT-AP 3.0.0 description of the store (https://semiceu.github.io/DCAT-AP/releases/3.0.0/), served at
/// `/catalog`: a `dcat:Catalog` with a `dcat:Dataset` per dataset (the whole store and each graph), a
/// `dcat:Distribution` per dump file, and a `dcat:DataService` for the SPARQL endpoint.
///
/// It carries what the DCAT-AP SHACL shapes make mandatory (titles, descriptions, a publisher with a name, access
/// URLs) and types every object the range shapes check (`dct:MediaType`, `dct:MediaTypeOrExtent`, `foaf:Agent`).
/// Media types are IANA IRIs; formats are EU file-type authority IRIs. A `.gz` dump has the syntax's media type and
/// `dcat:compressFormat` gzip, as DCAT 3 §6.8 shows.
package enum DCATCatalog {
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let dcterms = "http://purl.org/dc/terms/"
    static let foaf = "http://xmlns.com/foaf/0.1/"
    static let iana = "http://www.iana.org/assignments/media-types/"
    static let fileType = "http://publications.europa.eu/resource/authority/file-type/"

    package static let prefixes: [String: String] = [
        "dcat": dcat, "dct": dcterms, "foaf": foaf, "xsd": XSD.namespace, "rdf": RDFVocabulary.namespace,
    ]

    /// The catalogue's quads (default graph).
    /// - Parameter dumps: every dump file. No `dcat:byteSize` (optional in DCAT-AP): a dump is written when first
    ///   downloaded, and the catalogue's bytes must not change before the store does.
    package static func quads(facts: CatalogueFacts, versions: DatasetVersions, dumps: [DumpInfo]) -> [Quad] {
        var builder = QuadBuilder()
        let type = RDFVocabulary.type.value
        let catalog = Term.iri(facts.baseURL + "/catalog")
        let publisher = Term.iri(facts.publisherIRI ?? facts.baseURL + "/#publisher")
        builder.add(catalog, type, .iri(dcat + "Catalog"))
        builder.add(catalog, dcterms + "title", .literal(Literal(facts.title, language: "en")))
        builder.add(catalog, dcterms + "description", .literal(Literal(facts.description, language: "en")))
        builder.add(catalog, dcterms + "publisher", publisher)
        builder.add(publisher, type, .iri(foaf + "Agent"))
        builder.add(publisher, foaf + "name", .literal(Literal(facts.publisherName, language: "en")))

        let service = Term.iri(facts.baseURL + "/catalog#sparql")
        builder.add(catalog, dcat + "service", service)
        builder.add(service, type, .iri(dcat + "DataService"))
        builder.add(service, dcterms + "title", .literal(Literal("\(facts.title): SPARQL 1.1 endpoint", language: "en")))
        builder.add(service, dcat + "endpointURL", .iri(facts.sparqlEndpoint))
        builder.add(service, dcat + "endpointDescription", .iri(facts.sparqlEndpoint))

        for dataset in versions.ordered {
            guard let version = versions.datasets[dataset] else { continue }
            let subject = Term.iri(facts.baseURL + "/catalog#" + dataset.name)
            builder.add(catalog, dcat + "dataset", subject)
            builder.add(subject, type, .iri(dcat + "Dataset"))
            builder.add(subject, dcterms + "title", .literal(Literal(facts.title(of: dataset), language: "en")))
            builder.add(subject, dcterms + "description", .literal(Literal(facts.description(of: dataset, triples: version.triples), language: "en")))
            builder.add(subject, dcterms + "publisher", publisher)
            // No dcterms:modified: when a server first saw a version is local to it, and the catalogue must be the same
            // bytes on the primary and every replica at the same version (an HTTP cache may serve either's).
            builder.add(subject, dcterms + "identifier", .string(dataset.name))
            builder.add(service, dcat + "servesDataset", subject)
            for dump in dumps where dump.file.dataset == dataset {
                let url = facts.url(of: dump.file)
                let distribution = Term.iri(facts.baseURL + "/catalog#" + dump.file.fileName)
                let mediaType = Term.iri(iana + dump.file.format.mediaType)
                let format = Term.iri(fileType + fileTypeCode(dump.file.format))
                builder.add(subject, dcat + "distribution", distribution)
                builder.add(distribution, type, .iri(dcat + "Distribution"))
                builder.add(distribution, dcterms + "title", .literal(Literal(dump.file.fileName, language: "en")))
                builder.add(distribution, dcat + "accessURL", .iri(url))
                builder.add(distribution, dcat + "downloadURL", .iri(url))
                builder.add(distribution, dcat + "mediaType", mediaType)
                builder.add(mediaType, type, .iri(dcterms + "MediaType"))
                builder.add(distribution, dcterms + "format", format)
                builder.add(format, type, .iri(dcterms + "MediaTypeOrExtent"))
                if dump.file.compressed {
                    let gzip = Term.iri(iana + DumpFile.gzipMediaType)
                    builder.add(distribution, dcat + "compressFormat", gzip)
                    builder.add(gzip, type, .iri(dcterms + "MediaType"))
                }
            }
        }
        return builder.quads
    }

    /// The EU file-type authority code of a syntax (http://publications.europa.eu/resource/authority/file-type).
    static func fileTypeCode(_ format: RDFFormat) -> String {
        switch format {
        case .turtle: "RDF_TURTLE"
        case .ntriples: "RDF_N_TRIPLES"
        case .nquads: "RDF_N_QUADS"
        case .trig: "RDF_TRIG"
        case .rdfxml: "RDF_XML"
        case .jsonLD: "JSON_LD"
        }
    }
}

import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

extension EIRAEdition {
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let archiMateNamespace = "http://www.opengroup.org/xsd/archimate/3.0/"

    /// The edition of a file, told from its root element: `rdf:RDF` is the SKOS edition, ArchiMate's `model` the
    /// exchange file. Reads only up to the root element.
    /// - Throws: `CatalogueError`: `.notAnEIRARelease` for an empty file or another root element, `.syntax` if the
    ///   XML breaks before the root element.
    static func detect(in bytes: [UInt8], fileName: String) throws -> EIRAEdition {
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw CatalogueError(.notAnEIRARelease, "the file is empty", file: fileName)
        }
        let reader = RootElementReader()
        try XMLReading.parse(bytes, fileName: fileName, delegate: reader)
        guard let root = reader.root else {
            throw CatalogueError(.syntax, "no root element", file: fileName)
        }
        switch (root.namespace, root.name) {
        case (rdfNamespace, "RDF"): return .skos
        case (archiMateNamespace, "model"): return .archimate
        default:
            throw CatalogueError(
                .notAnEIRARelease,
                "not an EIRA release: the root element is {\(root.namespace)}\(root.name); expected rdf:RDF (SKOS edition) "
                    + "or ArchiMate's model (exchange file, namespace \(archiMateNamespace))",
                file: fileName, line: root.line, column: root.column)
        }
    }
}

/// Reads the root element's name and namespace, then stops.
private final class RootElementReader: XMLReadingDelegate {
    var root: (namespace: String, name: String, line: Int, column: Int)?

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        root = (namespaceURI ?? "", elementName, parser.lineNumber, parser.columnNumber)
        stoppedOnPurpose = true
        parser.abortParsing()
    }
}

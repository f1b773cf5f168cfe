import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

extension ArchiMateModel {
    /// Reads an exchange file.
    /// - Throws: `CatalogueError`: `.syntax` with line and column for XML that is not well-formed;
    ///   `.notAnEIRARelease` if the root is not ArchiMate's `model`, or an element or relationship lacks its type,
    ///   identifier, source or target.
    init(reading bytes: [UInt8], fileName: String) throws {
        let reader = ArchiMateModelReader(fileName: fileName)
        try XMLReading.parse(bytes, fileName: fileName, delegate: reader)
        // Property values name their definitions by identifier, and the definitions come last in the file.
        var model = reader.model
        model.diagrams = reader.diagrams
        let definitions = model.propertyDefinitions
        for index in model.elements.indices {
            var named: [String: [LocalizedText]] = [:]
            for (reference, values) in model.elements[index].properties {
                named[definitions[reference] ?? reference, default: []].append(contentsOf: values)
            }
            model.elements[index].properties = named
        }
        self = model
    }
}

/// The `XMLParser` delegate behind `ArchiMateModel(reading:)`: tracks the path of open elements and keeps the text of
/// those it reads.
private final class ArchiMateModelReader: XMLReadingDelegate {
    private static let namespace = EIRAEdition.archiMateNamespace

    let fileName: String
    var model = ArchiMateModel()

    /// Local names of the open elements in the ArchiMate namespace, outermost first.
    private var path: [String] = []
    private var text = ""
    private var textLanguage: String?
    private var element: ArchiMateModel.Element?
    private var propertyReference: String?
    private var definitionIdentifier: String?
    private var diagramReader = ArchiMateDiagramReader()
    private static let viewPath = ["model", "views", "diagrams", "view"]

    init(fileName: String) { self.fileName = fileName }

    var diagrams: [ArchiMateDiagram] { diagramReader.diagrams }

    private func fail(_ parser: XMLParser, _ message: String) { fail(parser, message, fileName: fileName) }

    override func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard namespaceURI == Self.namespace else {
            if path.isEmpty { fail(parser, "not an ArchiMate exchange file: the root element is not {\(Self.namespace)}model") }
            path.append("")  // foreign markup: kept on the path so that end tags pair up, never read
            return
        }
        path.append(name)
        text = ""
        textLanguage = attributes["xml:lang"]
        if path.starts(with: Self.viewPath) {
            if path.count == Self.viewPath.count {
                diagramReader.startView(attributes, type: Self.xsiType(attributes))
            } else if let message = diagramReader.start(path.dropFirst(Self.viewPath.count), attributes: attributes, type: Self.xsiType(attributes)) {
                fail(parser, message)
            }
            return
        }
        switch path {
        case ["model"]: break
        case ["model", "elements", "element"]:
            guard let identifier = attributes["identifier"], let type = Self.xsiType(attributes) else {
                return fail(parser, "an element without identifier or xsi:type")
            }
            element = ArchiMateModel.Element(identifier: identifier, type: type, line: parser.lineNumber)
        case ["model", "elements", "element", "properties", "property"]:
            propertyReference = attributes["propertyDefinitionRef"]
        case ["model", "relationships", "relationship"]:
            guard let identifier = attributes["identifier"], let type = Self.xsiType(attributes),
                let source = attributes["source"], let target = attributes["target"]
            else { return fail(parser, "a relationship without identifier, xsi:type, source or target") }
            // The exchange format's default access is Write (as Archi draws a new access relationship).
            let access = type == "Access" ? attributes["accessType"] ?? "Write" : nil
            model.relationships.append(.init(identifier: identifier, type: type, source: source, target: target, accessType: access))
        case ["model", "propertyDefinitions", "propertyDefinition"]:
            definitionIdentifier = attributes["identifier"]
        default:
            if path.count == 1 { fail(parser, "not an ArchiMate exchange file: the root element is {\(Self.namespace)}\(name), not model") }
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    override func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            path.removeLast()
            text = ""
        }
        let value = ArchiMateModel.LocalizedText(text: text, language: textLanguage)
        if path.count > Self.viewPath.count, path.starts(with: Self.viewPath) {
            diagramReader.end(path.dropFirst(Self.viewPath.count), text: value)
            return
        }
        switch path {
        case ["model", "name"]: model.name = value
        case ["model", "elements", "element", "name"]: element?.name = value
        case ["model", "elements", "element", "documentation"]: element?.documentation = value
        case ["model", "elements", "element", "properties", "property", "value"]:
            if let propertyReference { element?.properties[propertyReference, default: []].append(value) }
        case ["model", "elements", "element", "properties", "property"]: propertyReference = nil
        case ["model", "elements", "element"]:
            if let element { model.elements.append(element) }
            element = nil
        case ["model", "propertyDefinitions", "propertyDefinition", "name"]:
            if let definitionIdentifier { model.propertyDefinitions[definitionIdentifier] = value.text }
        default: break
        }
    }

    /// `xsi:type`, however the parser spells the attribute's name.
    private static func xsiType(_ attributes: [String: String]) -> String? {
        let value = attributes["xsi:type"] ?? attributes.first { $0.key.hasSuffix(":type") }?.value ?? attributes["type"]
        // A prefixed value (`archimate:BusinessActor`) names the same type.
        return value.map { $0.split(separator: ":").last.map(String.init) ?? $0 }
    }
}

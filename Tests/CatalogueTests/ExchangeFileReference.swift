import Foundation
import RDF
import Redland

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A second, independent reading of an ArchiMate exchange file (a DOM, not the importer's event parser), so tests
/// derive their expectations from the data instead of from the code under test.
struct ExchangeFileReference {
    /// Element identifier → PURI, for elements that carry one.
    var puris: [String: String] = [:]
    /// Element identifier → ABB id, for PURI elements that have one.
    var abbs: [String: String] = [:]
    /// Relationships between PURI elements: (type, source PURI, target PURI), duplicates kept.
    var relationships: [(type: String, source: String, target: String)] = []

    init(path: String, puriFromType: Bool) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let document = try withLibXMLLock { try XMLDocument(data: data) }
        guard let model = document.rootElement() else { throw CocoaError(.fileReadCorruptFile) }
        func children(_ node: XMLElement, _ name: String) -> [XMLElement] {
            (node.children ?? []).compactMap { $0 as? XMLElement }.filter { ($0.name ?? "").split(separator: ":").last.map(String.init) == name }
        }
        // By name: corelibs' `attribute(forName:)` misses unprefixed attributes in a document with a default namespace.
        func attribute(_ node: XMLElement, _ name: String) -> String? { node.attributes?.first { $0.name == name }?.stringValue }
        var definitions: [String: String] = [:]
        for group in children(model, "propertyDefinitions") {
            for definition in children(group, "propertyDefinition") {
                definitions[attribute(definition, "identifier") ?? ""] =
                    children(definition, "name").first?.stringValue
            }
        }
        for group in children(model, "elements") {
            for element in children(group, "element") {
                let id = attribute(element, "identifier") ?? ""
                var properties: [String: String] = [:]
                for property in children(element, "properties").flatMap({ children($0, "property") }) {
                    let name = definitions[attribute(property, "propertyDefinitionRef") ?? ""] ?? ""
                    let value = (children(property, "value").first?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    if properties[name] == nil, !value.isEmpty { properties[name] = value }
                }
                let puri: String?
                if puriFromType {
                    puri = properties["dct:type"].flatMap { $0.hasPrefix("eira:") ? "http://data.europa.eu/dr8/" + $0.dropFirst(5) : nil }
                } else {
                    puri = properties["eira:PURI"]
                }
                guard let puri else { continue }
                puris[id] = puri
                let documentation = children(element, "documentation").first?.stringValue ?? ""
                if let abb = properties["ID"] ?? properties["eira:ID"], abb.hasPrefix("ABB") {
                    abbs[id] = abb
                } else if let match = documentation.range(of: #"eira:ID\s*:\s*ABB[0-9]+"#, options: .regularExpression),
                    let abb = documentation[match].range(of: "ABB")
                {
                    abbs[id] = String(documentation[abb.lowerBound..<match.upperBound])
                }
            }
        }
        for group in children(model, "relationships") {
            for relationship in children(group, "relationship") {
                let type = relationship.attributes?.first { ($0.name ?? "").hasSuffix("type") }?.stringValue ?? ""
                guard let source = puris[attribute(relationship, "source") ?? ""],
                    let target = puris[attribute(relationship, "target") ?? ""]
                else { continue }
                relationships.append((type, source, target))
            }
        }
    }
}

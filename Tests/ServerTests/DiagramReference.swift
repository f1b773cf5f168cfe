import Foundation
import RDF

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The diagrams of an ArchiMate exchange file read with a DOM (not the importer's event parser), so the diagram tests
/// take their expectations from the file.
struct DiagramReference {
    struct Node {
        var identifier: String
        /// The element's name for element nodes, the node's own label for groups and notes.
        var text: String
        /// The element's PURI, if it has one.
        var puri: String?
    }

    struct Diagram {
        var name: String
        var nodes: [Node]
        var connections: Int
        /// The local part of the view's PURI: "Technical view - application" → `view/TechnicalView-Application`.
        var viewLocal: String {
            "view/"
                + name.components(separatedBy: "-").map { part in
                    part.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined().filter { $0.isLetter || $0.isNumber }
                }.filter { !$0.isEmpty }.joined(separator: "-")
        }
    }

    static var shared: String { ProcessInfo.processInfo.environment["LODESTAR_SHARED"] ?? TestServer.repositoryRoot + "/../shared" }
    static var v6: String { shared + "/data/eira-archimate/v6.0.0/EIRA.xml" }
    static var v4: String { shared + "/data/eira-archimate/v4.0.0/EIRA.xml" }
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: v6) && FileManager.default.fileExists(atPath: v4) }

    var diagrams: [Diagram] = []

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let document = try withLibXMLLock { try XMLDocument(data: data) }
        guard let model = document.rootElement() else { throw CocoaError(.fileReadCorruptFile) }
        func children(_ node: XMLElement, _ name: String) -> [XMLElement] {
            (node.children ?? []).compactMap { $0 as? XMLElement }.filter { ($0.name ?? "").split(separator: ":").last.map(String.init) == name }
        }
        func attribute(_ node: XMLElement, _ name: String) -> String? {
            node.attributes?.first { ($0.name ?? "").split(separator: ":").last.map(String.init) == name }?.stringValue
        }
        var definitions: [String: String] = [:]
        for definition in children(model, "propertyDefinitions").flatMap({ children($0, "propertyDefinition") }) {
            definitions[attribute(definition, "identifier") ?? ""] = children(definition, "name").first?.stringValue
        }
        var names: [String: String] = [:]
        var puris: [String: String] = [:]
        for element in children(model, "elements").flatMap({ children($0, "element") }) {
            let id = attribute(element, "identifier") ?? ""
            names[id] = children(element, "name").first?.stringValue ?? ""
            for property in children(element, "properties").flatMap({ children($0, "property") })
            where definitions[attribute(property, "propertyDefinitionRef") ?? ""] == "eira:PURI" {
                let value = (children(property, "value").first?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty, puris[id] == nil { puris[id] = value }
            }
        }
        for view in children(model, "views").flatMap({ children($0, "diagrams") }).flatMap({ children($0, "view") }) {
            var nodes: [Node] = []
            func visit(_ node: XMLElement) {
                let id = attribute(node, "identifier") ?? ""
                if let element = attribute(node, "elementRef") {
                    nodes.append(Node(identifier: id, text: names[element] ?? "", puri: puris[element]))
                } else {
                    nodes.append(Node(identifier: id, text: children(node, "label").first?.stringValue ?? "", puri: nil))
                }
                for child in children(node, "node") { visit(child) }
            }
            for node in children(view, "node") { visit(node) }
            diagrams.append(Diagram(name: children(view, "name").first?.stringValue ?? "", nodes: nodes, connections: children(view, "connection").count))
        }
    }
}

/// Text as a page shows it through the templates: HTML-escaped (swift-mustache's five characters), whitespace runs
/// as one space.
func escapedForPage(_ text: String) -> String {
    let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    return collapsingWhitespace(escaped)
}

func collapsingWhitespace(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

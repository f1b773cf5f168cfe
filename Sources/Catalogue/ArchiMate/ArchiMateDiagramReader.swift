/// Reads the diagrams under `<views><diagrams>` for `ArchiMateModelReader`, which passes it the path of open elements
/// below `<view>` (`["node", "node", "style", "fillColor"]`) and the text each element held.
struct ArchiMateDiagramReader {
    private(set) var diagrams: [ArchiMateDiagram] = []
    /// Indexes in the current diagram's `nodes` of the open `<node>` elements, outermost first.
    private var openNodes: [Int] = []
    private var connection: ArchiMateDiagram.Connection?
    /// False inside a `<view>` that is not read (another view type, or one without an identifier).
    private var reading = false

    /// A `<view>` starts: read if it is a diagram with an identifier.
    mutating func startView(_ attributes: [String: String], type: String?) {
        openNodes = []
        connection = nil
        reading = false
        guard let identifier = attributes["identifier"], type == nil || type == "Diagram" else { return }
        diagrams.append(ArchiMateDiagram(identifier: identifier))
        reading = true
    }

    /// An element below the open `<view>` starts; `path` is relative to the view and ends with its name.
    /// - Returns: a message if the element lacks what it needs (a node without bounds, a connection without ends).
    mutating func start(_ path: ArraySlice<String>, attributes: [String: String], type: String?) -> String? {
        guard reading, let name = path.last else { return nil }
        let owner = path.dropLast()
        switch name {
        case "node" where owner.allSatisfy { $0 == "node" }:
            guard let identifier = attributes["identifier"], let x = Self.number(attributes["x"]), let y = Self.number(attributes["y"]),
                let width = Self.number(attributes["w"]), let height = Self.number(attributes["h"])
            else { return "a diagram node without identifier, x, y, w or h" }
            let node = ArchiMateDiagram.Node(
                identifier: identifier, type: type ?? "Element", elementReference: attributes["elementRef"], label: nil,
                x: x, y: y, width: width, height: height, parent: openNodes.last)
            openNodes.append(diagrams[diagrams.count - 1].nodes.count)
            diagrams[diagrams.count - 1].nodes.append(node)
        case "connection" where owner.isEmpty:
            guard let identifier = attributes["identifier"], let source = attributes["source"], let target = attributes["target"] else {
                return "a diagram connection without identifier, source or target"
            }
            connection = ArchiMateDiagram.Connection(
                identifier: identifier, type: type ?? "Relationship", relationshipReference: attributes["relationshipRef"],
                source: source, target: target)
        case "bendpoint" where owner == ["connection"]:
            if let x = Self.number(attributes["x"]), let y = Self.number(attributes["y"]) { connection?.bendpoints.append((x, y)) }
        case "fillColor", "lineColor":
            guard owner.last == "style", let red = Self.number(attributes["r"]), let green = Self.number(attributes["g"]),
                let blue = Self.number(attributes["b"])
            else { return nil }
            let color = ArchiMateDiagram.Color(red: red, green: green, blue: blue)
            let styled = owner.dropLast().last
            if styled == "connection", name == "lineColor" {
                connection?.line = color
            } else if styled == "node", let index = openNodes.last {
                if name == "fillColor" { diagrams[diagrams.count - 1].nodes[index].fill = color } else { diagrams[diagrams.count - 1].nodes[index].line = color }
            }
        default: break
        }
        return nil
    }

    /// An element below the open `<view>` ends, having held `text`.
    mutating func end(_ path: ArraySlice<String>, text: ArchiMateModel.LocalizedText) {
        guard reading, let name = path.last else { return }
        let owner = path.dropLast()
        switch name {
        case "name" where owner.isEmpty: diagrams[diagrams.count - 1].name = text
        case "documentation" where owner.isEmpty: diagrams[diagrams.count - 1].documentation = text
        case "label" where owner.last == "node":
            if let index = openNodes.last { diagrams[diagrams.count - 1].nodes[index].label = text }
        case "node" where owner.allSatisfy { $0 == "node" }: _ = openNodes.popLast()
        case "connection" where owner.isEmpty:
            if let connection { diagrams[diagrams.count - 1].connections.append(connection) }
            connection = nil
        default: break
        }
    }

    /// An integer attribute; the format allows decimals, which are rounded.
    private static func number(_ text: String?) -> Int? {
        guard let text else { return nil }
        if let value = Int(text) { return value }
        return Double(text).flatMap { $0.isFinite && abs($0) < 1e9 ? Int($0.rounded()) : nil }
    }
}

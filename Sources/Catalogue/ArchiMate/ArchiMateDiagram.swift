/// One view's diagram as an exchange file draws it (`<view xsi:type="Diagram">`): boxes with absolute bounds and
/// colours, nested as in the file, and the lines between them with their bend points.
struct ArchiMateDiagram {
    /// An RGB colour of a `fillColor` or `lineColor`.
    struct Color: Hashable {
        var red, green, blue: Int
        /// `#rrggbb`.
        var hex: String {
            "#" + [red, green, blue].map { value in
                let clamped = min(max(value, 0), 255)
                return (clamped < 16 ? "0" : "") + String(clamped, radix: 16)
            }.joined()
        }
    }

    struct Node {
        var identifier: String
        /// The exchange format's node type: `Element`, `Container` or `Label`.
        var type: String
        /// The model element an `Element` node draws.
        var elementReference: String?
        /// A `Container`'s or `Label`'s own text.
        var label: ArchiMateModel.LocalizedText?
        var x, y, width, height: Int
        var fill: Color?
        var line: Color?
        /// Index of the enclosing node in `nodes`, or `nil` at the top level.
        var parent: Int?
    }

    struct Connection {
        var identifier: String
        /// `Relationship` (drawing a model relationship) or `Line` (a plain line, e.g. from a note).
        var type: String
        var relationshipReference: String?
        /// Node identifiers.
        var source: String
        var target: String
        var bendpoints: [(x: Int, y: Int)] = []
        var line: Color?
    }

    var identifier: String
    var name: ArchiMateModel.LocalizedText?
    var documentation: ArchiMateModel.LocalizedText?
    /// Every node, parents before their children, in document order (the order they are drawn in).
    var nodes: [Node] = []
    var connections: [Connection] = []
}

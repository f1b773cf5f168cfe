/// Lodestar's diagram vocabulary (`Ontologies/diagram.ttl`): the drawing of an ArchiMate view as the exchange file
/// gives it, kept in the store beside the model so that dumps and replicas carry it and pages draw it from one source.
///
/// A view collection points at its diagrams (`dia:diagram`); a diagram holds its top-level nodes (`dia:node`) and its
/// connections (`dia:connection`); a node holds its child nodes by `dia:node` too. Bounds are absolute diagram
/// coordinates, as in the exchange format; colours are `#rrggbb`; bend points are one literal `"x,y x,y …"`.
public enum DiagramVocabulary {
    public static let namespace = "https://w3id.org/lodestar/diagram#"

    public static let diagramClass = IRI(namespace + "Diagram")
    /// A box drawing a model element.
    public static let elementNode = IRI(namespace + "ElementNode")
    /// A visual group with a caption, not a model element (the exchange format's `Container`).
    public static let container = IRI(namespace + "Container")
    /// A free-text note (the exchange format's `Label`).
    public static let note = IRI(namespace + "Note")
    public static let connectionClass = IRI(namespace + "Connection")

    public static let diagram = IRI(namespace + "diagram")
    public static let release = IRI(namespace + "release")
    public static let node = IRI(namespace + "node")
    public static let connection = IRI(namespace + "connection")
    public static let order = IRI(namespace + "order")
    public static let label = IRI(namespace + "label")
    public static let element = IRI(namespace + "element")
    public static let elementType = IRI(namespace + "elementType")
    public static let x = IRI(namespace + "x")
    public static let y = IRI(namespace + "y")
    public static let width = IRI(namespace + "width")
    public static let height = IRI(namespace + "height")
    public static let fillColor = IRI(namespace + "fillColor")
    public static let lineColor = IRI(namespace + "lineColor")
    public static let source = IRI(namespace + "source")
    public static let target = IRI(namespace + "target")
    public static let relationship = IRI(namespace + "relationship")
    public static let accessType = IRI(namespace + "accessType")
    public static let bendpoints = IRI(namespace + "bendpoints")
}

public import RDF

/// Expanded JSON-LD (https://www.w3.org/TR/json-ld11/#expanded-document-form) as typed values instead of JSON maps:
/// what expansion produces and the RDF deserialisation consumes. Every IRI is expanded; terms, aliases, containers
/// and contexts are gone. `offset` is where the construct is written, for error messages.
indirect enum ExpandedElement: Sendable {
    case node(ExpandedNode)
    case value(ExpandedValue)
    /// A list object (`@list`): becomes an `rdf:first`/`rdf:rest` chain.
    case list([ExpandedElement], offset: Int)

    var isValueOrList: Bool { if case .node = self { false } else { true } }
}

/// A node object, or a graph object (a node with `@graph`).
struct ExpandedNode: Sendable {
    /// An IRI or a blank node identifier (`_:…`); `nil` gives the node a fresh blank node.
    var id: String?
    var types: [String] = []
    var properties: [String: [ExpandedElement]] = [:]
    /// Properties whose subject is the value and whose object is this node.
    var reverse: [String: [ExpandedElement]] = [:]
    /// The named graph this node names, if it has `@graph`.
    var graph: [ExpandedElement]?
    var included: [ExpandedElement]?
    var index: String?
    let offset: Int

    init(offset: Int) { self.offset = offset }

    /// `{}`, which expansion drops at the top level.
    var isEmpty: Bool { id == nil && hasOnlyID }

    /// A node reference (`{"@id": …}` and nothing else).
    var hasOnlyID: Bool {
        types.isEmpty && properties.isEmpty && reverse.isEmpty && graph == nil && included == nil && index == nil
    }

    /// `{"@graph": …}` with at most `@id` and `@index` beside it.
    var isGraphObject: Bool { graph != nil && types.isEmpty && properties.isEmpty && reverse.isEmpty && included == nil }

    mutating func add(_ items: [ExpandedElement], to property: String) {
        properties[property, default: []].append(contentsOf: items)
    }
}

/// A value object (`@value`), with its datatype IRI or language already decided.
struct ExpandedValue: Sendable {
    enum Content: Sendable {
        case string(String)
        case number(JSONNumber)
        case bool(Bool)
        /// A JSON literal (`"@type": "@json"`), any JSON.
        case json(JSONValue)
    }

    var content: Content
    /// A datatype IRI, or `@json`.
    var type: String?
    var language: String?
    var direction: String?
    let offset: Int

    init(_ content: Content, offset: Int) {
        self.content = content
        self.offset = offset
    }

    /// A value object for a JSON scalar; `nil` for `null`, arrays and objects.
    init?(scalar: JSONValue, offset: Int) {
        switch scalar {
        case .string(let text): self.init(.string(text), offset: offset)
        case .number(let number): self.init(.number(number), offset: offset)
        case .bool(let flag): self.init(.bool(flag), offset: offset)
        case .null, .array, .object: return nil
        }
    }
}

/// What expanding one JSON value gives: nothing, one element, or an array of them (which callers flatten, except that
/// inside an `@list` container an array becomes a nested list).
enum Expanded: Sendable {
    case null
    case one(ExpandedElement)
    case many([ExpandedElement])

    var elements: [ExpandedElement] {
        switch self {
        case .null: []
        case .one(let element): [element]
        case .many(let elements): elements
        }
    }
}

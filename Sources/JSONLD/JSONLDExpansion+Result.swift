public import RDF

/// The entries one JSON object expands to, before steps 15–19 of expansion decide what the object is: a value
/// object, a list, a set, a node, or nothing.
struct ObjectExpansion {
    /// The keywords seen (to find colliding keywords and objects with only `@language`).
    var keywords: Set<String> = []
    var id: String?
    var types: [String] = []
    var typeIsArray = false
    var typeOffset: Int?
    /// `@value`'s JSON, `.null` included; `nil` when there is no `@value`.
    var value: JSONValue?
    var language: String?
    var direction: String?
    var index: String?
    var list: [ExpandedElement]?
    var set: Expanded?
    var graph: [ExpandedElement]?
    var included: [ExpandedElement]?
    var reverse: [String: [ExpandedElement]] = [:]
    var properties: [String: [ExpandedElement]] = [:]
    let offset: Int

    init(offset: Int) { self.offset = offset }

    /// Steps 15–19.
    func finish(property: String?) throws(JSONLDError) -> Expanded {
        if let value {
            return try valueObject(value, property: property)
        }
        if let list {
            try checkOnly(["@list", "@index"], "invalid set or list object: a list object may only have @list and @index")
            guard let property, property != "@graph" else { return .null }
            return .one(.list(list, offset: offset))
        }
        if let set {
            try checkOnly(["@set", "@index"], "invalid set or list object: a set object may only have @set and @index")
            return set
        }
        if keywords == ["@language"] && properties.isEmpty && reverse.isEmpty { return .null }
        var node = ExpandedNode(offset: offset)
        node.id = id
        node.types = types
        node.properties = properties
        node.reverse = reverse
        node.graph = graph
        node.included = included
        node.index = index
        if types.contains("@json") {
            throw JSONLDError(.invalidDocument, "invalid type value: @json only types a value object", offset: typeOffset ?? offset)
        }
        // 19: free-floating node references are dropped at the top level and directly in @graph.
        if property == nil || property == "@graph", node.isEmpty || (node.hasOnlyID && keywords.subtracting(["@id"]).isEmpty) {
            return .null
        }
        return .one(.node(node))
    }

    /// Step 15: a value object.
    private func valueObject(_ value: JSONValue, property: String?) throws(JSONLDError) -> Expanded {
        try checkOnly(
            ["@value", "@language", "@type", "@direction", "@index"],
            "invalid value object: a value object may only have @value, @language, @type, @direction and @index"
        )
        if language != nil && !types.isEmpty {
            throw JSONLDError(.invalidDocument, "invalid value object: @language and @type cannot both be given", offset: offset)
        }
        if !types.isEmpty && (typeIsArray || types.count != 1) {
            throw JSONLDError(.invalidDocument, "invalid typed value: the @type of a value object must be one IRI", offset: typeOffset ?? offset)
        }
        var result: ExpandedValue
        if types.first == "@json" {
            result = ExpandedValue(.json(value), offset: offset)
        } else {
            guard let scalar = ExpandedValue(scalar: value, offset: offset) else { return .null }  // "@value": null
            result = scalar
            if language != nil, case .string = value {
            } else if language != nil {
                throw JSONLDError(.invalidDocument, "invalid language-tagged value: @value must be a string when @language is given", offset: offset)
            }
            if let type = types.first, !IRIResolution.isAbsolute(type) {
                throw JSONLDError(.invalidDocument, "invalid typed value: the datatype \"\(type)\" is not an IRI", offset: typeOffset ?? offset)
            }
        }
        result.type = types.first
        result.language = language
        result.direction = direction
        // 19: free-floating values are dropped.
        guard let property, property != "@graph" else { return .null }
        return .one(.value(result))
    }

    private func checkOnly(_ allowed: Set<String>, _ message: String) throws(JSONLDError) {
        guard keywords.isSubset(of: allowed), properties.isEmpty, reverse.isEmpty else {
            throw JSONLDError(.invalidDocument, message, offset: offset)
        }
    }
}

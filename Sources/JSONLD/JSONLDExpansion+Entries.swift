public import RDF

/// Step 13–14 of expansion: each entry of a JSON object, keyword or property, into an `ObjectExpansion`.
extension Expander {
    func expandEntries(
        of object: JSONObject,
        context: ActiveContext,
        typeScopedContext: ActiveContext,
        property: String?,
        inputType: String?,
        into result: inout ObjectExpansion
    ) throws(JSONLDError) {
        var nests: [String] = []
        for key in object.keys where key != "@context" {
            let value = object[key] ?? .null
            let offset = object.offset(of: key)
            guard let expandedProperty = context.expandIRI(key, vocab: true) else { continue }
            if Keyword.isKeyword(expandedProperty) {
                if expandedProperty == "@nest" {
                    nests.append(key)
                    continue
                }
                try expandKeyword(
                    expandedProperty,
                    value,
                    context: context,
                    typeScopedContext: typeScopedContext,
                    property: property,
                    inputType: inputType,
                    offset: offset,
                    into: &result
                )
                continue
            }
            // 13.3: a key that expands to no keyword, absolute IRI or blank node identifier is dropped.
            guard expandedProperty.contains(":"), expandedProperty.hasPrefix("_:") || IRIResolution.isAbsolute(expandedProperty) else { continue }
            try expandProperty(key, expandedProperty, value, context: context, offset: offset, into: &result)
        }
        // 14: nested properties.
        for key in nests.sorted(by: { CodePoints.less($0, $1) }) {
            for nested in (object[key] ?? .null).arrayified {
                guard case .object(let nestedObject) = nested,
                    !nestedObject.keys.contains(where: { context.expandIRI($0, vocab: true) == "@value" })
                else {
                    throw JSONLDError(.invalidDocument, "invalid @nest value: expected node properties in an object", offset: object.offset(of: key))
                }
                try expandEntries(
                    of: nestedObject,
                    context: context,
                    typeScopedContext: typeScopedContext,
                    property: property,
                    inputType: inputType,
                    into: &result
                )
            }
        }
    }

    // MARK: Keywords (13.4)

    private func expandKeyword(
        _ keyword: String,
        _ value: JSONValue,
        context: ActiveContext,
        typeScopedContext: ActiveContext,
        property: String?,
        inputType: String?,
        offset: Int,
        into result: inout ObjectExpansion
    ) throws(JSONLDError) {
        if property == "@reverse" {
            throw JSONLDError(.invalidDocument, "invalid reverse property map: \(keyword) cannot be used inside @reverse", offset: offset)
        }
        if result.keywords.contains(keyword) && keyword != "@included" && keyword != "@type" && keyword != "@reverse" {
            throw JSONLDError(.invalidDocument, "colliding keywords: two entries expand to \(keyword)", offset: offset)
        }
        switch keyword {
        case "@id":
            guard case .string(let text) = value else {
                throw JSONLDError(.invalidDocument, "invalid @id value: expected a string, found \(value.kindName)", offset: offset)
            }
            result.id = context.expandIRI(text, documentRelative: true)
        case "@type":
            let items: [JSONValue]
            switch value {
            case .string: items = [value]
            case .array(let array): items = array
            default: throw JSONLDError(.invalidDocument, "invalid type value: expected a string or an array of strings", offset: offset)
            }
            if case .array = value { result.typeIsArray = true }
            for item in items {
                guard case .string(let text) = item else {
                    throw JSONLDError(.invalidDocument, "invalid type value: expected a string, found \(item.kindName)", offset: offset)
                }
                guard let type = typeScopedContext.expandIRI(text, documentRelative: true, vocab: true) else { continue }
                result.types.append(type)
            }
            result.typeOffset = offset
        case "@graph":
            result.graph = try expand(value, context: context, property: "@graph", offset: offset).elements
        case "@included":
            let included = try expand(value, context: context, property: nil, offset: offset).elements
            guard included.allSatisfy({ !$0.isValueOrList }) else {
                throw JSONLDError(.invalidDocument, "invalid @included value: expected node objects", offset: offset)
            }
            result.included = (result.included ?? []) + included
        case "@value":
            guard inputType == "@json" || value.isScalar || value.isNull else {
                throw JSONLDError(
                    .invalidDocument,
                    "invalid value object value: @value must be a string, a number, a boolean or null",
                    offset: offset
                )
            }
            result.value = value
        case "@language":
            guard case .string(let language) = value else {
                throw JSONLDError(.invalidDocument, "invalid language-tagged string: @language must be a string", offset: offset)
            }
            result.language = language
        case "@direction":
            guard case .string(let direction) = value, direction == "ltr" || direction == "rtl" else {
                throw JSONLDError(.invalidDocument, "invalid base direction: @direction must be \"ltr\" or \"rtl\"", offset: offset)
            }
            result.direction = direction
        case "@index":
            guard case .string(let index) = value else {
                throw JSONLDError(.invalidDocument, "invalid @index value: expected a string", offset: offset)
            }
            result.index = index
        case "@list":
            // 13.4.12.1: a list at the top level or directly in @graph is dropped.
            guard let property, property != "@graph" else { return }
            result.list = try expand(value, context: context, property: property, offset: offset).elements
        case "@set":
            result.set = try expand(value, context: context, property: property, offset: offset)
        case "@reverse":
            guard case .object = value else { throw JSONLDError(.invalidDocument, "invalid @reverse value: expected an object", offset: offset) }
            guard case .one(.node(let map)) = try expand(value, context: context, property: "@reverse", offset: offset) else { return }
            for (reversed, items) in map.reverse { result.properties[reversed, default: []].append(contentsOf: items) }
            for (reversed, items) in map.properties {
                guard items.allSatisfy({ !$0.isValueOrList }) else {
                    throw JSONLDError(
                        .invalidDocument,
                        "invalid reverse property value: the values of a reverse property must be nodes",
                        offset: offset
                    )
                }
                result.reverse[reversed, default: []].append(contentsOf: items)
            }
        default:
            return  // @context is handled before, other keywords mean nothing in a node or value object
        }
        result.keywords.insert(keyword)
    }

    // MARK: Properties (13.5–13.13)

    private func expandProperty(
        _ key: String,
        _ expandedProperty: String,
        _ value: JSONValue,
        context: ActiveContext,
        offset: Int,
        into result: inout ObjectExpansion
    ) throws(JSONLDError) {
        let definition = context.terms[key]
        let container = definition?.container ?? []
        var items: [ExpandedElement]
        var isList = false
        if definition?.typeMapping == "@json" {
            var literal = ExpandedValue(.json(value), offset: offset)
            literal.type = "@json"
            items = [.value(literal)]
        } else if container.contains("@language"), case .object(let map) = value {
            items = try expandLanguageMap(map, context: context, definition: definition)
        } else if !container.isDisjoint(with: ["@index", "@type", "@id"]), case .object(let map) = value {
            items = try expandIndexMap(map, key: key, context: context, container: container, definition: definition)
        } else {
            let expanded = try expand(value, context: context, property: key, offset: offset)
            if case .null = expanded { return }
            if case .one(.list) = expanded { isList = true }
            items = expanded.elements
        }
        // 13.11–13.12
        if container.contains("@list") && !isList { items = [.list(items, offset: offset)] }
        if container.contains("@graph") && container.isDisjoint(with: ["@id", "@index"]) {
            items = items.map { item in
                var graph = ExpandedNode(offset: offset)
                graph.graph = [item]
                return .node(graph)
            }
        }
        if definition?.isReverse == true {
            guard items.allSatisfy({ !$0.isValueOrList }) else {
                throw JSONLDError(
                    .invalidDocument,
                    "invalid reverse property value: \"\(key)\" is a reverse property, so its values must be nodes",
                    offset: offset
                )
            }
            result.reverse[expandedProperty, default: []].append(contentsOf: items)
        } else {
            result.properties[expandedProperty, default: []].append(contentsOf: items)
        }
    }

    /// 13.7: `{"en": "…", "fr": ["…", "…"]}` under a term with `"@container": "@language"`.
    private func expandLanguageMap(_ map: JSONObject, context: ActiveContext, definition: TermDefinition?) throws(JSONLDError) -> [ExpandedElement] {
        var items: [ExpandedElement] = []
        let direction = definition?.direction ?? context.defaultDirection
        for language in map.keys {
            let isNone = context.expandIRI(language, vocab: true) == "@none"
            for item in (map[language] ?? .null).arrayified {
                guard case .string(let text) = item else {
                    throw JSONLDError(
                        .invalidDocument,
                        "invalid language map value: expected strings under \"\(language)\"",
                        offset: map.offset(of: language)
                    )
                }
                var value = ExpandedValue(.string(text), offset: map.offset(of: language))
                if !isNone { value.language = language }
                value.direction = direction
                items.append(.value(value))
            }
        }
        return items
    }

    /// 13.8: index maps (`@index`), id maps (`@id`) and type maps (`@type`), possibly with `@graph`.
    private func expandIndexMap(
        _ map: JSONObject,
        key: String,
        context: ActiveContext,
        container: Set<String>,
        definition: TermDefinition?
    ) throws(JSONLDError) -> [ExpandedElement] {
        var items: [ExpandedElement] = []
        for index in map.keys {
            let offset = map.offset(of: index)
            var mapContext = context
            if !container.isDisjoint(with: ["@id", "@type"]) { mapContext = context.previous?.context ?? context }
            if container.contains("@type"), let indexDefinition = mapContext.terms[index], let local = indexDefinition.localContext {
                mapContext = try mapContext.processing(local, baseURL: indexDefinition.baseForLocalContext, offset: offset)
            }
            let expandedIndex = context.expandIRI(index, vocab: true)
            let isNone = expandedIndex == "@none"
            let values = try expand(.array((map[index] ?? .null).arrayified), context: mapContext, property: key, fromMap: true, offset: offset)
            for var item in values.elements {
                if container.contains("@graph"), !(item.asNode?.isGraphObject ?? false) {
                    var graph = ExpandedNode(offset: offset)
                    graph.graph = [item]
                    item = .node(graph)
                }
                if container.contains("@index"), let indexProperty = definition?.index, !isNone {
                    let indexValue = try expandValue(.string(index), context: context, property: indexProperty, offset: offset)
                    guard case .node(var node) = item, let indexIRI = context.expandIRI(indexProperty, vocab: true) else {
                        throw JSONLDError(.invalidDocument, "invalid value object: a property-valued index needs node objects", offset: offset)
                    }
                    node.properties[indexIRI] = [indexValue] + (node.properties[indexIRI] ?? [])
                    item = .node(node)
                } else if container.contains("@id"), !isNone {
                    guard case .node(var node) = item else {
                        throw JSONLDError(.invalidDocument, "invalid value object: the values of an @id map must be nodes", offset: offset)
                    }
                    if node.id == nil { node.id = context.expandIRI(index, documentRelative: true) }
                    item = .node(node)
                } else if container.contains("@type"), !isNone {
                    guard case .node(var node) = item else {
                        throw JSONLDError(.invalidDocument, "invalid type value: the values of a @type map must be nodes", offset: offset)
                    }
                    if let expandedIndex { node.types.insert(expandedIndex, at: 0) }
                    item = .node(node)
                }
                items.append(item)
            }
        }
        return items
    }
}

extension ExpandedElement {
    var asNode: ExpandedNode? { if case .node(let node) = self { node } else { nil } }
}

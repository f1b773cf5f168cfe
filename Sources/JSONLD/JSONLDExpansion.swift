public import RDF

/// The JSON-LD 1.1 expansion algorithm (https://www.w3.org/TR/json-ld11-api/#expansion-algorithm), producing
/// `ExpandedElement`s rather than JSON. Step numbers in comments are the spec's.
///
/// IRIs are left as they expand, relative or malformed ones included: the RDF step drops what uses them and reports
/// each (see `RDFEmitter`). Keys that expand to no absolute IRI are dropped here, as the spec says.
struct Expander {
    /// The document's base IRI, which inline contexts' scoped contexts resolve against.
    let documentBase: String?

    /// Expands the whole document (§5.1.1 with the final "only @graph" unwrapping of the API's `expand()`).
    func expandDocument(_ document: JSONValue, context: ActiveContext) throws(JSONLDError) -> [ExpandedElement] {
        let expanded = try expand(document, context: context, property: nil, offset: 0)
        if case .one(.node(let node)) = expanded, let graph = node.graph, node.id == nil, node.isGraphObject, node.index == nil {
            return graph
        }
        return expanded.elements
    }

    /// Expands one JSON value met as the value of `property` (a key as written, or `@graph`, `@reverse`, … ; `nil` at
    /// the top level).
    /// - Parameters:
    ///   - offset: where the value's key is written, for errors about scalars (objects know their own position).
    func expand(
        _ element: JSONValue,
        context: ActiveContext,
        property: String?,
        fromMap: Bool = false,
        offset: Int
    ) throws(JSONLDError) -> Expanded {
        switch element {
        case .null:
            return .null
        case .string, .number, .bool:
            // 4: free-floating scalars are dropped.
            guard let property, property != "@graph" else { return .null }
            var context = context
            if let definition = context.terms[property], let local = definition.localContext {
                context = try context.processing(local, baseURL: definition.baseForLocalContext, offset: offset)
            }
            return .one(try expandValue(element, context: context, property: property, offset: offset))
        case .array(let items):
            // 5
            let isListContainer = property.flatMap { context.terms[$0] }?.container.contains("@list") ?? false
            var result: [ExpandedElement] = []
            for item in items {
                let expanded = try expand(item, context: context, property: property, fromMap: fromMap, offset: offset)
                if isListContainer, case .many(let inner) = expanded {
                    result.append(.list(inner, offset: offset))
                } else {
                    result.append(contentsOf: expanded.elements)
                }
            }
            return .many(result)
        case .object(let object):
            return try expandObject(object, context: context, property: property, fromMap: fromMap)
        }
    }

    /// Steps 7–20 for a JSON object.
    private func expandObject(
        _ object: JSONObject,
        context activeContext: ActiveContext,
        property: String?,
        fromMap: Bool
    ) throws(JSONLDError) -> Expanded {
        var context = activeContext
        // 7: a type-scoped context does not propagate into nested node objects.
        if let previous = context.previous, !fromMap {
            let expandedKeys = object.keys.map { context.expandIRI($0, vocab: true) }
            if !expandedKeys.contains("@value") && !(expandedKeys.count == 1 && expandedKeys[0] == "@id") {
                context = previous.context
            }
        }
        // 8: property-scoped context.
        if let property, let definition = activeContext.terms[property], let local = definition.localContext {
            context = try context.processing(local, baseURL: definition.baseForLocalContext, overrideProtected: true, offset: object.offset)
        }
        // 9: embedded context.
        if let local = object["@context"] {
            context = try context.processing(local, baseURL: documentBase, offset: object.offset(of: "@context"))
        }
        // 10–11: type-scoped contexts, applied in lexicographical order of the types.
        let typeScopedContext = context
        var inputType: String?
        // Only `@type` itself and its aliases expand to `@type`.
        let typeKeys = object.keys.filter { $0 == "@type" || context.terms[$0]?.iri == "@type" }.sorted { CodePoints.less($0, $1) }
        for key in typeKeys {
            let types = (object[key] ?? .null).arrayified.compactMap(\.string).sorted { CodePoints.less($0, $1) }
            for type in types {
                if let definition = typeScopedContext.terms[type], let local = definition.localContext {
                    context = try context.processing(
                        local,
                        baseURL: definition.baseForLocalContext,
                        propagate: false,
                        offset: object.offset(of: key)
                    )
                }
            }
            // 12: the input type decides whether `@value` may hold any JSON.
            if let last = types.last { inputType = typeScopedContext.expandIRI(last, vocab: true) }
        }
        var result = ObjectExpansion(offset: object.offset)
        try expandEntries(
            of: object,
            context: context,
            typeScopedContext: typeScopedContext,
            property: property,
            inputType: inputType,
            into: &result
        )
        return try result.finish(property: property)
    }

    /// Value expansion (§5.3.2): a scalar under `property`, with the term's type coercion or language.
    func expandValue(_ value: JSONValue, context: ActiveContext, property: String, offset: Int) throws(JSONLDError) -> ExpandedElement {
        let definition = context.terms[property]
        if let typeMapping = definition?.typeMapping, typeMapping == "@id" || typeMapping == "@vocab", case .string(let text) = value {
            var node = ExpandedNode(offset: offset)
            node.id = context.expandIRI(text, documentRelative: true, vocab: typeMapping == "@vocab")
            return .node(node)
        }
        guard var result = ExpandedValue(scalar: value, offset: offset) else {
            throw JSONLDError(.invalidDocument, "invalid value object value: expected a string, a number or a boolean", offset: offset)
        }
        if let typeMapping = definition?.typeMapping, !["@id", "@vocab", "@none"].contains(typeMapping) {
            result.type = typeMapping
        } else if case .string = value {
            result.language = definition?.language ?? context.defaultLanguage
            result.direction = definition?.direction ?? context.defaultDirection
        }
        return .value(result)
    }
}

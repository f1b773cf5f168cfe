public import RDF

/// Context processing (JSON-LD 1.1 API §4.1, https://www.w3.org/TR/json-ld11-api/#context-processing-algorithms)
/// and IRI expansion (§5.2).
extension ActiveContext {
    /// This context updated by a local context (`@context`'s value): null, an object, or an array of them.
    /// - Parameters:
    ///   - baseURL: the base that term-scoped contexts defined here are later processed against.
    ///   - offset: where the local context is written, for errors.
    /// - Throws: `JSONLDError`: `.remoteContext` for a context given by URL (or `@import`), `.invalidContext` otherwise.
    func processing(
        _ local: JSONValue,
        baseURL: String?,
        overrideProtected: Bool = false,
        propagate: Bool = true,
        offset: Int
    ) throws(JSONLDError) -> ActiveContext {
        var result = self
        var propagate = propagate
        if case .object(let object) = local, let value = object["@propagate"] {
            guard case .bool(let flag) = value else {
                throw JSONLDError(.invalidContext, "invalid @propagate value: expected true or false", offset: object.offset(of: "@propagate"))
            }
            propagate = flag
        }
        if !propagate && result.previous == nil { result.previous = PreviousContext(self) }
        let contexts: [JSONValue] = if case .array(let items) = local { items } else { [local] }
        for context in contexts {
            switch context {
            case .null:
                guard overrideProtected || !result.hasProtectedTerms else {
                    throw JSONLDError(.invalidContext, "invalid context nullification: the context has protected terms", offset: offset)
                }
                let previous = result.previous
                result = result.reset()
                if !propagate { result.previous = previous }
            case .string(let url):
                throw JSONLDError(.remoteContext, "remote contexts are not fetched: \"\(url)\"; inline the context instead", offset: offset)
            case .object(let object):
                var processor = ContextProcessor(
                    result: result,
                    local: object,
                    baseURL: baseURL,
                    overrideProtected: overrideProtected
                )
                try processor.processEntries()
                result = processor.result
            default:
                throw JSONLDError(
                    .invalidContext,
                    "invalid local context: expected an object, a URL or null, found \(context.kindName)",
                    offset: offset
                )
            }
        }
        return result
    }

    /// IRI expansion of a key or value (§5.2.2) once all terms it may use are defined.
    /// - Returns: a keyword, an IRI, a blank node identifier, a relative reference (when there is no base to resolve it
    ///   against), or `nil` for a term mapped to `null` or a string of keyword form that is no keyword.
    func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        if Keyword.isKeyword(value) { return value }
        if Keyword.hasKeywordForm(value) { return nil }
        if let definition = terms[value] {
            if let iri = definition.iri, Keyword.isKeyword(iri) { return iri }
            if vocab { return definition.iri }
        }
        if let colon = value.utf8.firstIndex(of: UInt8(ascii: ":")), colon != value.startIndex {
            let prefix = String(value[..<colon])
            let suffix = value[value.utf8.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let definition = terms[prefix], definition.isPrefix, let iri = definition.iri { return iri + suffix }
            if IRIResolution.isAbsolute(value) { return value }
        }
        if vocab, let mapping = self.vocab { return mapping + value }
        if documentRelative, let base { return IRIResolution.resolve(value, against: base) }
        return value
    }
}

/// Processes one context object into `result`: its `@base`, `@vocab`, `@language`, … and then its term definitions
/// (Create Term Definition, §4.2.2), each in the order the terms depend on each other.
struct ContextProcessor {
    var result: ActiveContext
    let local: JSONObject
    let baseURL: String?
    let overrideProtected: Bool
    /// `true` once a term is defined, `false` while its definition is being created (to find cycles).
    private var defined: [String: Bool] = [:]
    private var protectedByDefault = false

    private static let contextKeywords: Set<String> = [
        "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
    ]
    private static let definitionKeys: Set<String> = [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type",
    ]

    init(result: ActiveContext, local: JSONObject, baseURL: String?, overrideProtected: Bool) {
        self.result = result
        self.local = local
        self.baseURL = baseURL
        self.overrideProtected = overrideProtected
    }

    mutating func processEntries() throws(JSONLDError) {
        if let version = local["@version"] {
            guard case .number(let number) = version, number.double == 1.1 else {
                throw failure(.invalidContext, "invalid @version value: only 1.1 is allowed", key: "@version")
            }
        }
        if let value = local["@import"] {
            guard case .string(let url) = value else { throw failure(.invalidContext, "invalid @import value: expected a URL", key: "@import") }
            throw failure(.remoteContext, "remote contexts are not fetched: @import \"\(url)\"", key: "@import")
        }
        if let value = local["@base"] { try setBase(value) }
        if let value = local["@vocab"] { try setVocab(value) }
        if let value = local["@language"] {
            switch value {
            case .null: result.defaultLanguage = nil
            case .string(let language): result.defaultLanguage = language
            default: throw failure(.invalidContext, "invalid default language: expected a string or null", key: "@language")
            }
        }
        if let value = local["@direction"] { result.defaultDirection = try direction(value, key: "@direction") ?? nil }
        if let value = local["@protected"] {
            guard case .bool(let flag) = value else {
                throw failure(.invalidContext, "invalid @protected value: expected true or false", key: "@protected")
            }
            protectedByDefault = flag
        }
        for term in local.keys where !Self.contextKeywords.contains(term) {
            try createTermDefinition(term)
        }
    }

    private mutating func setBase(_ value: JSONValue) throws(JSONLDError) {
        switch value {
        case .null: result.base = nil
        case .string(let iri) where IRIResolution.isAbsolute(iri): result.base = iri
        case .string(let iri):
            guard let base = result.base else {
                throw failure(.invalidContext, "invalid base IRI: relative @base \"\(iri)\" and no base IRI to resolve it against", key: "@base")
            }
            result.base = IRIResolution.resolve(iri, against: base)
        default: throw failure(.invalidContext, "invalid base IRI: expected a string or null", key: "@base")
        }
    }

    private mutating func setVocab(_ value: JSONValue) throws(JSONLDError) {
        switch value {
        case .null: result.vocab = nil
        case .string(let text):
            guard let iri = try expandIRI(text, documentRelative: true, vocab: true), iri.hasPrefix("_:") || IRIResolution.isAbsolute(iri) else {
                throw failure(.invalidContext, "invalid vocab mapping: \"\(text)\" is not an IRI or a blank node identifier", key: "@vocab")
            }
            result.vocab = iri
        default: throw failure(.invalidContext, "invalid vocab mapping: expected a string or null", key: "@vocab")
        }
    }

    /// `nil` when absent; `.some(nil)` for `null`.
    private func direction(_ value: JSONValue, key: String) throws(JSONLDError) -> String?? {
        switch value {
        case .null: return .some(nil)
        case .string(let text) where text == "ltr" || text == "rtl": return .some(text)
        default: throw failure(.invalidContext, "invalid base direction: expected \"ltr\", \"rtl\" or null", key: key)
        }
    }

    // MARK: Create Term Definition (§4.2.2)

    mutating func createTermDefinition(_ term: String) throws(JSONLDError) {
        if let done = defined[term] {
            if done { return }
            throw failure(.invalidContext, "cyclic IRI mapping: the definition of \"\(term)\" depends on itself", key: term)
        }
        guard !term.isEmpty else { throw failure(.invalidContext, "invalid term definition: the empty string is not a term", key: term) }
        defined[term] = false
        let value = local[term] ?? .null
        if term == "@type" {
            guard case .object(let object) = value, !object.isEmpty,
                object.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                object["@container"].map({ $0.string == "@set" }) ?? true
            else { throw failure(.invalidContext, "keyword redefinition: @type may only be given \"@container\": \"@set\"", key: term) }
        } else if Keyword.isKeyword(term) {
            throw failure(.invalidContext, "keyword redefinition: \(term) cannot be redefined", key: term)
        } else if Keyword.hasKeywordForm(term) {
            defined[term] = true  // reserved for future keywords: ignored, as the spec says
            return
        }
        let previous = result.terms.removeValue(forKey: term)
        var simpleTerm = false
        var object = JSONObject(offset: local.offset(of: term))
        switch value {
        case .null: _ = object.add("@id", .null, offset: object.offset)
        case .string:
            _ = object.add("@id", value, offset: object.offset)
            simpleTerm = true
        case .object(let given): object = given
        default:
            throw failure(
                .invalidContext,
                "invalid term definition: \"\(term)\" must map to a string, an object or null, not \(value.kindName)",
                key: term
            )
        }
        for key in object.keys where !Self.definitionKeys.contains(key) {
            throw failure(.invalidContext, "invalid term definition: unknown key \"\(key)\" in the definition of \"\(term)\"", key: term)
        }
        var definition = try definitionIRI(term, object, simpleTerm: simpleTerm)
        definition.isProtected = protectedByDefault
        if let value = object["@protected"] {
            guard case .bool(let flag) = value else { throw failure(.invalidContext, "invalid @protected value in \"\(term)\"", key: term) }
            definition.isProtected = flag
        }
        if let value = object["@type"] { definition.typeMapping = try typeMapping(value, term: term) }
        try setOptions(&definition, term: term, object)
        if !overrideProtected, let previous, previous.isProtected {
            guard definition.sameExceptProtection(previous) else {
                throw failure(.invalidContext, "protected term redefinition: \"\(term)\" is protected", key: term)
            }
            definition = previous
        }
        result.terms[term] = definition
        defined[term] = true
    }

    /// The IRI mapping, reverse flag and prefix flag of a definition (steps 13–20).
    private mutating func definitionIRI(_ term: String, _ object: JSONObject, simpleTerm: Bool) throws(JSONLDError) -> TermDefinition {
        if let reverse = object["@reverse"] {
            guard object["@id"] == nil, object["@nest"] == nil else {
                throw failure(.invalidContext, "invalid reverse property: \"\(term)\" has @reverse with @id or @nest", key: term)
            }
            guard case .string(let text) = reverse else {
                throw failure(.invalidContext, "invalid IRI mapping: @reverse must be a string", key: term)
            }
            guard let iri = try expandIRI(text, vocab: true), iri.contains(":"), !Keyword.isKeyword(iri) else {
                throw failure(.invalidContext, "invalid IRI mapping: @reverse \"\(text)\" of \"\(term)\" is not an IRI", key: term)
            }
            var definition = TermDefinition(iri: iri)
            definition.isReverse = true
            return definition
        }
        let id = object["@id"]
        if let id, id.string != term {
            guard case .string(let text) = id else {
                guard id.isNull else { throw failure(.invalidContext, "invalid IRI mapping: @id of \"\(term)\" must be a string or null", key: term) }
                return TermDefinition(iri: nil)
            }
            if !Keyword.isKeyword(text) && Keyword.hasKeywordForm(text) { return TermDefinition(iri: nil) }
            guard let iri = try expandIRI(text, vocab: true), Keyword.isKeyword(iri) || iri.contains(":") else {
                throw failure(.invalidContext, "invalid IRI mapping: \"\(text)\" (the @id of \"\(term)\") is not an IRI", key: term)
            }
            guard iri != "@context" else { throw failure(.invalidContext, "invalid keyword alias: @context cannot be aliased", key: term) }
            let innerColon = term.dropFirst().dropLast().contains(":")
            if innerColon || term.contains("/") {
                defined[term] = true
                let expandedTerm = try expandIRI(term, vocab: true)
                defined[term] = false
                guard expandedTerm == iri else {
                    throw failure(.invalidContext, "invalid IRI mapping: \"\(term)\" looks like an IRI but is mapped to \"\(iri)\"", key: term)
                }
            }
            var definition = TermDefinition(iri: iri)
            if !term.contains(":") && !term.contains("/") && simpleTerm && (Keyword.endsWithGenDelim(iri) || iri.hasPrefix("_:")) {
                definition.isPrefix = true
            }
            return definition
        }
        if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = term[term.index(after: colon)...]
            if local[prefix] != nil && !suffix.hasPrefix("//") { try createTermDefinition(prefix) }
            if let definition = result.terms[prefix], let iri = definition.iri, !suffix.hasPrefix("//") {
                return TermDefinition(iri: iri + suffix)
            }
            return TermDefinition(iri: term)
        }
        if term.contains("/") {
            guard let iri = try expandIRI(term, vocab: true), IRIResolution.isAbsolute(iri) else {
                throw failure(.invalidContext, "invalid IRI mapping: relative term \"\(term)\" does not expand to an IRI", key: term)
            }
            return TermDefinition(iri: iri)
        }
        if term == "@type" { return TermDefinition(iri: "@type") }
        guard let vocab = result.vocab else {
            throw failure(.invalidContext, "invalid IRI mapping: \"\(term)\" has no @id and the context has no @vocab", key: term)
        }
        return TermDefinition(iri: vocab + term)
    }

    private mutating func typeMapping(_ value: JSONValue, term: String) throws(JSONLDError) -> String {
        guard case .string(let text) = value, let type = try expandIRI(text, vocab: true),
            ["@id", "@vocab", "@json", "@none"].contains(type) || IRIResolution.isAbsolute(type)
        else {
            throw failure(.invalidContext, "invalid type mapping: the @type of \"\(term)\" must be @id, @vocab, @json, @none or an IRI", key: term)
        }
        return type
    }

    /// `@container`, `@index`, `@context`, `@language`, `@direction`, `@nest` and `@prefix` (steps 19–27).
    private mutating func setOptions(_ definition: inout TermDefinition, term: String, _ object: JSONObject) throws(JSONLDError) {
        if let value = object["@container"] {
            definition.container = try container(value, term: term)
            if definition.isReverse && !definition.container.isSubset(of: ["@set", "@index"]) {
                throw failure(.invalidContext, "invalid reverse property: a reverse property's @container must be @set or @index", key: term)
            }
            if definition.container.contains("@type") {
                if definition.typeMapping == nil { definition.typeMapping = "@id" }
                guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                    throw failure(.invalidContext, "invalid type mapping: a @type container needs @type @id or @vocab", key: term)
                }
            }
        }
        if let value = object["@index"] {
            guard definition.container.contains("@index"), case .string(let index) = value, !Keyword.isKeyword(index),
                let iri = try expandIRI(index, vocab: true), IRIResolution.isAbsolute(iri)
            else {
                throw failure(
                    .invalidContext,
                    "invalid term definition: @index of \"\(term)\" must name a property and need an @index container",
                    key: term
                )
            }
            definition.index = index
        }
        if let value = object["@context"] {
            definition.localContext = value
            definition.baseForLocalContext = baseURL
        }
        if let value = object["@language"], object["@type"] == nil {
            switch value {
            case .null: definition.language = .some(nil)
            case .string(let language): definition.language = .some(language)
            default: throw failure(.invalidContext, "invalid language mapping: @language of \"\(term)\" must be a string or null", key: term)
            }
        }
        if let value = object["@direction"], object["@type"] == nil { definition.direction = try direction(value, key: term) }
        if let value = object["@nest"] {
            guard case .string(let nest) = value, nest == "@nest" || !Keyword.isKeyword(nest) else {
                throw failure(.invalidContext, "invalid @nest value in the definition of \"\(term)\"", key: term)
            }
            definition.nest = nest
        }
        if let value = object["@prefix"] {
            guard !term.contains(":") && !term.contains("/") else {
                throw failure(.invalidContext, "invalid term definition: \"\(term)\" cannot be a prefix", key: term)
            }
            guard case .bool(let flag) = value else { throw failure(.invalidContext, "invalid @prefix value: expected true or false", key: term) }
            definition.isPrefix = flag
            if flag, let iri = definition.iri, Keyword.isKeyword(iri) {
                throw failure(.invalidContext, "invalid term definition: the keyword alias \"\(term)\" cannot be a prefix", key: term)
            }
        }
    }

    private func container(_ value: JSONValue, term: String) throws(JSONLDError) -> Set<String> {
        let allowed: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
        var items: [String] = []
        for item in value.arrayified {
            guard case .string(let text) = item, allowed.contains(text) else {
                throw failure(.invalidContext, "invalid container mapping for \"\(term)\"", key: term)
            }
            items.append(text)
        }
        let container = Set(items)
        let valid =
            if container.contains("@list") {
                container.count == 1
            } else if container.contains("@graph") {
                container.isSubset(of: ["@graph", "@id", "@index", "@set"]) && !(container.contains("@id") && container.contains("@index"))
            } else {
                container.count <= 1 || (container.count == 2 && container.contains("@set"))
            }
        guard valid, !(value.isNull) else { throw failure(.invalidContext, "invalid container mapping for \"\(term)\"", key: term) }
        return container
    }

    // MARK: Helpers

    /// IRI expansion while the context is processed: terms of this context that `value` uses are defined first.
    mutating func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) throws(JSONLDError) -> String? {
        if !Keyword.isKeyword(value) && !Keyword.hasKeywordForm(value) {
            if local[value] != nil && defined[value] != true { try createTermDefinition(value) }
            if let colon = value.dropFirst().firstIndex(of: ":") {
                let prefix = String(value[..<colon])
                if local[prefix] != nil && defined[prefix] != true { try createTermDefinition(prefix) }
            }
        }
        return result.expandIRI(value, documentRelative: documentRelative, vocab: vocab)
    }

    private func failure(_ code: JSONLDError.Code, _ message: String, key: String) -> JSONLDError {
        JSONLDError(code, message, offset: local.offset(of: key))
    }
}

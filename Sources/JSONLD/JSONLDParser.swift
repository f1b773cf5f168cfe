public import RDF

/// Reads JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/) into quads: the expansion algorithm, then RDF deserialisation.
///
/// Supported: inline `@context` (objects, arrays of them, `null`), terms, compact IRIs, `@vocab`, `@base`, `@language`,
/// `@direction` (accepted, dropped in RDF), `@version`, `@propagate`, `@protected`; expanded term definitions with
/// `@id`, `@reverse`, `@type` (`@id`, `@vocab`, `@json`, `@none`, datatypes), `@language`, `@prefix`, `@nest`, `@index`,
/// scoped `@context` (property- and type-scoped) and `@container` `@list`, `@set`, `@language`, `@index`, `@id`,
/// `@type`, `@graph`; node objects with `@id`, `@type`, `@reverse`, `@graph` (named and default), `@included`,
/// `@nest`; value objects, JSON literals, lists (also lists of lists) and sets; native numbers and booleans, typed as
/// JSON-LD's toRdf says (`"1.1E0"^^xsd:double`, `"5"^^xsd:integer`, `"true"^^xsd:boolean`).
///
/// Not supported: remote contexts (a URL in `@context` or `@import` is refused with `.remoteContext`: a server must not
/// fetch what an upload names), JSON-LD 1.0 processing mode, frames, and generalized RDF (triples with a blank node
/// predicate are dropped, as the spec says).
///
/// The JSON-LD errors the spec defines (invalid `@id` value, invalid type value, colliding keywords, invalid term
/// definition, …) are thrown. What the spec drops silently while making RDF (a statement whose `@id`, `@type`,
/// property or datatype is a relative reference with no base, or an IRI with a character such as a space that IRIs
/// cannot contain; a value with a malformed language tag) is dropped too, but reported to `warning`, so a caller can
/// refuse or log the upload. Keys that map to no IRI are dropped without a warning: that is how JSON-LD ignores data.
///
/// The whole document is held as a JSON tree (a context may come after the data it governs), so memory grows with the
/// document: limit upload sizes before calling this. Nesting is limited to 256 levels.
///
/// ```swift
/// try JSONLDParser.parse(Array(body), baseIRI: "http://example.org/doc") { quad in quads.append(quad) }
/// ```
public enum JSONLDParser {
    /// Parses a JSON-LD document, calling `emit` for each quad in document order.
    /// - Parameters:
    ///   - bytes: the document, UTF-8 (a byte order mark is allowed).
    ///   - baseIRI: the absolute IRI relative references resolve against (the document's URL); `@base` may change it.
    ///   - blankNodePrefix: blank nodes are labelled this prefix plus a counter from 0, fresh for each call: a label
    ///     `_:x` in the document does not survive. Give each document loaded into one store its own prefix (e.g. the
    ///     Redland module's `BlankNodeLabeling.freshPrefix()`) so separate documents never share blank nodes.
    ///   - warning: told of each statement dropped because a term is not a usable IRI or language tag (a
    ///     `JSONLDError` with code `.invalidDocument` and the position of the object concerned), while parsing goes on.
    ///   - emit: receives each quad. It may see the same quad twice if the document says it twice.
    /// - Throws: `JSONLDError` at the first error (`.syntax` errors carry the line and column of the JSON error, others
    ///   the position of the key or object concerned); or what `emit` throws. No quad is emitted before the whole
    ///   document has been expanded, so a JSON-LD error means nothing was emitted; only `emit`'s own errors stop it midway.
    public static func parse(
        _ bytes: [UInt8],
        baseIRI: String? = nil,
        blankNodePrefix: String = "b",
        warning: ((JSONLDError) -> Void)? = nil,
        _ emit: (Quad) throws -> Void
    ) throws {
        if let baseIRI, !IRIResolution.isAbsolute(baseIRI) {
            throw JSONLDError(.invalidContext, "invalid base IRI: \"\(baseIRI)\" is not absolute")
        }
        try bytes.withUnsafeBufferPointer { buffer in
            let elements: [ExpandedElement]
            do throws(JSONLDError) {
                let document: JSONValue
                do throws(JSONSyntaxError) {
                    document = try JSONTokenizer.parse(buffer)
                } catch {
                    throw JSONLDError(.syntax, error.message, at: error.position)
                }
                elements = try Expander(documentBase: baseIRI).expandDocument(document, context: ActiveContext(base: baseIRI))
            } catch {
                throw located(error, in: buffer)
            }
            try withoutActuallyEscaping(emit) { emit in
                var emitter = RDFEmitter(blankNodePrefix: blankNodePrefix, warn: { warning?(located($0, in: buffer)) }, emit: emit)
                try emitter.emit(elements)
            }
        }
    }

    /// Parses a JSON-LD document into an array of quads (duplicates removed, document order kept).
    /// - Throws: `JSONLDError`, as `parse(_:baseIRI:blankNodePrefix:warning:_:)`.
    public static func parse(
        _ bytes: [UInt8],
        baseIRI: String? = nil,
        blankNodePrefix: String = "b",
        warning: ((JSONLDError) -> Void)? = nil
    ) throws -> [Quad] {
        var quads: [Quad] = []
        var seen: Set<Quad> = []
        try parse(bytes, baseIRI: baseIRI, blankNodePrefix: blankNodePrefix, warning: warning) { quad in
            if seen.insert(quad).inserted { quads.append(quad) }
        }
        return quads
    }

    /// The error with its byte offset turned into a line and column.
    private static func located(_ error: JSONLDError, in buffer: UnsafeBufferPointer<UInt8>) -> JSONLDError {
        guard error.position == nil, let offset = error.offset else { return error }
        var located = error
        located.position = JSONTokenizer.position(ofOffset: offset, in: buffer)
        return located
    }
}

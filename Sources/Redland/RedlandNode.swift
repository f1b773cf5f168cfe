internal import CRedland
import RDF

/// A librdf node is a raptor term (`librdf_node` is a typedef of `raptor_term`), so one pair of conversions serves the
/// model, the parser and the serializer.
typealias TermPointer = UnsafeMutablePointer<raptor_term>

extension RedlandWorld {
    /// A new node for `term`, owned by the caller (free it with `librdf_free_node`, or hand it to a statement).
    ///
    /// Simple literals get no datatype and language-tagged ones only their language, as librdf and raptor expect:
    /// `"a"^^xsd:string` and `"a"` are the same RDF 1.1 term, and librdf must see them the same way.
    func makeNode(_ term: Term) throws -> TermPointer {
        let node: TermPointer?
        switch term {
        case .iri(let iri):
            node = iri.value.withCountedUTF8 { librdf_new_node_from_counted_uri_string(pointer, $0, $1) }
        case .blankNode(let blank):
            node = blank.id.withCountedUTF8 { librdf_new_node_from_counted_blank_identifier(pointer, $0, $1) }
        case .literal(let literal):
            node = try makeLiteralNode(literal)
        }
        guard let node else { throw RedlandError(.invalidData, "librdf refused the term \(term)") }
        return node
    }

    private func makeLiteralNode(_ literal: Literal) throws -> TermPointer? {
        var datatype: OpaquePointer? = nil
        if literal.language == nil, literal.datatype != XSD.string {
            datatype = literal.datatype.value.withCountedUTF8 { raptor_new_uri_from_counted_string(raptor, $0, $1) }
            guard datatype != nil else { throw RedlandError(.invalidData, "librdf refused the datatype \(literal.datatype)") }
        }
        defer { if let datatype { raptor_free_uri(datatype) } }
        return literal.lexicalForm.withCountedUTF8 { value, length in
            if let language = literal.language {
                return language.withCString { tag in
                    librdf_new_node_from_typed_counted_literal(pointer, value, length, tag, language.utf8.count, nil)
                }
            }
            return librdf_new_node_from_typed_counted_literal(pointer, value, length, nil, 0, datatype)
        }
    }

    /// A new statement owning three new nodes; free it with `librdf_free_statement`.
    func makeStatement(_ triple: Triple) throws -> UnsafeMutablePointer<raptor_statement> {
        let subject = try makeNode(triple.subject)
        let predicate: TermPointer
        let object: TermPointer
        do {
            predicate = try makeNode(triple.predicate)
        } catch {
            librdf_free_node(subject)
            throw error
        }
        do {
            object = try makeNode(triple.object)
        } catch {
            librdf_free_node(subject)
            librdf_free_node(predicate)
            throw error
        }
        // Takes the nodes, and frees them itself if it fails.
        guard let statement = librdf_new_statement_from_nodes(pointer, subject, predicate, object) else {
            throw RedlandError(.storage, "librdf could not make a statement of \(triple)")
        }
        return statement
    }
}

/// The Swift term for a raptor term (which may be a librdf node).
///
/// Bytes that are not UTF-8 (possible only in data another program stored) become U+FFFD.
func makeTerm(_ node: TermPointer) -> Term {
    let value = node.pointee.value
    switch node.pointee.type {
    case RAPTOR_TERM_TYPE_URI:
        return .iri(IRI(string(of: value.uri)))
    case RAPTOR_TERM_TYPE_BLANK:
        return .blankNode(BlankNode(string(value.blank.string, count: Int(value.blank.string_len))))
    default:
        let literal = value.literal
        let lexical = string(literal.string, count: Int(literal.string_len))
        if let language = literal.language, language.pointee != 0 {
            return .literal(Literal(lexical, language: String(cString: language)))
        }
        if let datatype = literal.datatype {
            return .literal(Literal(lexical, datatype: IRI(string(of: datatype))))
        }
        return .literal(Literal(lexical))
    }
}

private func string(of uri: OpaquePointer?) -> String {
    guard let uri else { return "" }
    var length = 0
    let bytes = raptor_uri_as_counted_string(uri, &length)
    return string(bytes, count: length)
}

private func string(_ bytes: UnsafeMutablePointer<UInt8>?, count: Int) -> String {
    guard let bytes, count > 0 else { return "" }
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
}

extension String {
    /// Calls `body` with this string's UTF-8 bytes and their count; the pointer is never null, even for "".
    func withCountedUTF8<R>(_ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
        var copy = self
        return try copy.withUTF8 { buffer in
            if let base = buffer.baseAddress { return try body(base, buffer.count) }
            return try withUnsafePointer(to: UInt8(0)) { try body($0, 0) }
        }
    }
}

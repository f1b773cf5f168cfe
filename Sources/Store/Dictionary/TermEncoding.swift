import RDF

/// How the index file spells a term: one kind byte, then UTF-8. Literals put their lexical form's length (4 bytes,
/// little-endian) before it, then the datatype IRI or the language tag. Equal terms have equal bytes and no two terms
/// share bytes, so the file's hash table compares bytes alone.
enum TermEncoding {
    private static let iri: UInt8 = 0, blankNode: UInt8 = 1, typedLiteral: UInt8 = 2, languageLiteral: UInt8 = 3

    /// The kind of term `bytes` spell, from their first byte.
    static func kind(of bytes: UnsafeRawBufferPointer) -> TermKind {
        switch bytes.first ?? typedLiteral {
        case iri: .iri
        case blankNode: .blankNode
        default: .literal
        }
    }

    /// Appends the bytes of `term` to `bytes`.
    static func append(_ term: Term, to bytes: inout [UInt8]) {
        switch term {
        case .iri(let value):
            bytes.append(iri)
            bytes.append(contentsOf: value.value.utf8)
        case .blankNode(let node):
            bytes.append(blankNode)
            bytes.append(contentsOf: node.id.utf8)
        case .literal(let literal):
            bytes.append(literal.language == nil ? typedLiteral : languageLiteral)
            withUnsafeBytes(of: UInt32(literal.lexicalForm.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: literal.lexicalForm.utf8)
            bytes.append(contentsOf: (literal.language ?? literal.datatype.value).utf8)
        }
    }

    static func bytes(of term: Term) -> [UInt8] {
        var bytes = [UInt8]()
        append(term, to: &bytes)
        return bytes
    }

    /// The term spelt by `bytes`, which `append` wrote; `nil` if they are not such a spelling.
    static func term(from bytes: UnsafeRawBufferPointer) -> Term? {
        guard let kind = bytes.first else { return nil }
        let rest = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        switch kind {
        case iri: return .iri(IRI(string(rest)))
        case blankNode: return .blankNode(BlankNode(string(rest)))
        case typedLiteral, languageLiteral:
            guard rest.count >= 4 else { return nil }
            let length = Int(UInt32(littleEndian: rest.loadUnaligned(as: UInt32.self)))
            guard length <= rest.count - 4 else { return nil }
            let lexical = string(UnsafeRawBufferPointer(rebasing: rest[4..<4 + length]))
            let tail = string(UnsafeRawBufferPointer(rebasing: rest[(4 + length)...]))
            return .literal(kind == typedLiteral ? Literal(lexical, datatype: IRI(tail)) : Literal(lexical, language: tail))
        default: return nil
        }
    }

    /// Calls `body` with the spelling of `bytes`, which `append` wrote, read in place.
    static func withSpelling(of bytes: UnsafeRawBufferPointer, _ body: (TermSpelling) -> Void) {
        let all = bytes.bindMemory(to: UInt8.self)
        guard let kind = all.first else { return body(TermSpelling(kind: .iri, value: all)) }
        let rest = UnsafeBufferPointer(rebasing: all[1...])
        switch kind {
        case iri: body(TermSpelling(kind: .iri, value: rest))
        case blankNode: body(TermSpelling(kind: .blankNode, value: rest))
        default:
            // The index file's checksum held, so the length is within the bytes; clamp anyway rather than read past them.
            let length = rest.count >= 4 ? min(Int(UInt32(littleEndian: UnsafeRawBufferPointer(rest).loadUnaligned(as: UInt32.self))), rest.count - 4) : 0
            let start = min(4, rest.count)
            body(TermSpelling(
                kind: kind == languageLiteral ? .languageLiteral : .typedLiteral, value: UnsafeBufferPointer(rebasing: rest[start..<start + length]),
                qualifier: UnsafeBufferPointer(rebasing: rest[(start + length)...])))
        }
    }

    private static func string(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

    /// FNV-1a over `bytes`: stable across processes (Swift's `Hasher` is seeded per process), so it can index a file.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash ^ (hash >> 31)  // FNV's low bits mix poorly, and the table indexes by them
    }
}

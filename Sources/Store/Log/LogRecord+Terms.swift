import RDF

/// The payload of an `LSW2` record:
///
///     terms       varint count, then per term a UInt32 byte length and its `TermEncoding` bytes
///     counts      varint insertions, varint deletions
///     quads       per quad (insertions, then deletions) four varints: subject, predicate and object as indexes into
///                 the terms, then the graph as 0 for the default graph or its term's index + 1
///
/// Terms are listed in the order the quads first use them.
extension LogRecord {
    static func encodePayload<Quads: Collection<EncodedQuad>>(
        insertions: Quads, deletions: Quads, into buffer: inout [UInt8], spell: (TermID, inout [UInt8]) -> Void
    ) {
        var positions = [TermID: UInt32](minimumCapacity: 4 * (insertions.count + deletions.count))  // never rehashed
        var terms = [TermID]()
        // Quads repeat their neighbours' terms (keys come sorted by subject, graphs are few): those skip the table.
        let none = TermID(rawValue: .max)  // never issued: overlay IDs stop short of it
        var last = (subject: none, subjectAt: UInt32(0), graph: none, graphAt: UInt32(0))
        func position(_ id: TermID) -> UInt32 {
            if let known = positions[id] { return known }
            let new = UInt32(terms.count)
            positions[id] = new
            terms.append(id)
            return new
        }
        var quads = [UInt8]()
        quads.reserveCapacity((insertions.count + deletions.count) * 8)
        for quad in [insertions, deletions].joined() {
            if quad.subject != last.subject { last.subject = quad.subject; last.subjectAt = position(quad.subject) }
            appendVarint(UInt64(last.subjectAt), to: &quads)
            appendVarint(UInt64(position(quad.predicate)), to: &quads)
            appendVarint(UInt64(position(quad.object)), to: &quads)
            if quad.graph == .defaultGraph {
                quads.append(0)
            } else {
                if quad.graph != last.graph { last.graph = quad.graph; last.graphAt = position(quad.graph) }
                appendVarint(UInt64(last.graphAt) + 1, to: &quads)
            }
        }
        appendVarint(UInt64(terms.count), to: &buffer)
        for id in terms {
            let lengthAt = buffer.count
            buffer += [0, 0, 0, 0]
            spell(id, &buffer)
            let length = UInt32(buffer.count - lengthAt - 4)
            for index in 0..<4 { buffer[lengthAt + index] = UInt8(truncatingIfNeeded: length >> (8 * index)) }
        }
        appendVarint(UInt64(insertions.count), to: &buffer)
        appendVarint(UInt64(deletions.count), to: &buffer)
        buffer += quads
    }

    /// The insertions and deletions of an `LSW2` payload.
    static func decodePayload(_ payload: ArraySlice<UInt8>) throws(LogRecordError) -> (insertions: [Quad], deletions: [Quad]) {
        var reader = PayloadReader(bytes: payload)
        let termCount = try reader.count(atLeast: 5)
        var terms = [Term]()
        terms.reserveCapacity(termCount)
        for _ in 0..<termCount {
            let length = Int(try reader.uint32())
            let term = try reader.take(length) { bytes in TermEncoding.term(from: bytes) }
            guard let term else { throw LogRecordError("term \(terms.count) is not a term's spelling") }
            terms.append(term)
        }
        let insertionCount = try reader.count(atLeast: 4), deletionCount = try reader.count(atLeast: 4)
        guard insertionCount + deletionCount <= reader.remaining / 4 else { throw LogRecordError("more quads than bytes") }
        func term(_ index: UInt64) throws(LogRecordError) -> Term {
            guard index < terms.count else { throw LogRecordError("term index \(index) past the record's \(terms.count) terms") }
            return terms[Int(index)]
        }
        func quads(_ count: Int) throws(LogRecordError) -> [Quad] {
            var result = [Quad]()
            result.reserveCapacity(count)
            for _ in 0..<count {
                let subject = try term(try reader.varint()), predicate = try term(try reader.varint()), object = try term(try reader.varint())
                let graphIndex = try reader.varint()
                var graph = GraphName.defaultGraph
                if graphIndex > 0 {
                    guard let name = GraphName(try term(graphIndex - 1)) else { throw LogRecordError("a literal as a graph name") }
                    graph = name
                }
                result.append(Quad(subject, predicate, object, graph: graph))
            }
            return result
        }
        let insertions = try quads(insertionCount), deletions = try quads(deletionCount)
        guard reader.remaining == 0 else { throw LogRecordError("\(reader.remaining) bytes after the last quad") }
        return (insertions, deletions)
    }

    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

/// Why a record whose checksum holds does not decode (a bug in the writer, or a format this code misreads).
struct LogRecordError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads a payload front to back, refusing to run past its end.
private struct PayloadReader {
    let bytes: ArraySlice<UInt8>
    var offset: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    var remaining: Int { bytes.endIndex - offset }

    mutating func varint() throws(LogRecordError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex else { throw LogRecordError("the payload ends inside a number") }
            guard shift < 64 else { throw LogRecordError("a number longer than 64 bits") }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of items that each take at least `size` bytes, checked against what is left so a damaged count cannot
    /// make the reader reserve memory for billions.
    mutating func count(atLeast size: Int) throws(LogRecordError) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining / size) else { throw LogRecordError("a count of \(value) in \(remaining) bytes") }
        return Int(value)
    }

    mutating func uint32() throws(LogRecordError) -> UInt32 {
        guard remaining >= 4 else { throw LogRecordError("the payload ends inside a term length") }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        offset += 4
        return value
    }

    mutating func take<T>(_ count: Int, _ body: (UnsafeRawBufferPointer) -> T) throws(LogRecordError) -> T {
        guard count <= remaining else { throw LogRecordError("a term of \(count) bytes past the payload's end") }
        defer { offset += count }
        return bytes[offset..<offset + count].withUnsafeBytes(body)
    }
}

/// Local IDs for the terms of quads given as values (`LogRecord.encode(into:)`); ID 0 stands for the default graph.
struct QuadTermTable {
    private(set) var terms: [Term] = [TermDictionary.defaultGraphTerm]
    private var ids: [Term: TermID] = [:]

    mutating func encode(_ quad: Quad) -> EncodedQuad {
        let graph = quad.graph.term.map { id($0) } ?? .defaultGraph
        return EncodedQuad(subject: id(quad.subject), predicate: id(quad.predicate), object: id(quad.object), graph: graph)
    }

    private mutating func id(_ term: Term) -> TermID {
        if let known = ids[term] { return known }
        let new = TermID(rawValue: UInt32(terms.count))
        terms.append(term)
        ids[term] = new
        return new
    }
}

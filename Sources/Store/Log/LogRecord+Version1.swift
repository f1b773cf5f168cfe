import RDF

extension LogRecord {
    /// The insertions and deletions of an `LSW1` payload (written by Lodestar before the term table): the insertions'
    /// byte length (UInt64), the insertions as N-Quads, then the deletions as N-Quads.
    static func decodeVersion1Payload(_ payload: ArraySlice<UInt8>) throws(LogRecordError) -> (insertions: [Quad], deletions: [Quad]) {
        let start = payload.startIndex
        guard payload.count >= 8 else { throw LogRecordError("an LSW1 payload shorter than its insertions' length") }
        let insertionsLength = (0..<8).reduce(UInt64(0)) { $0 | UInt64(payload[start + $1]) << (8 * UInt64($1)) }
        guard insertionsLength <= UInt64(payload.count - 8) else { throw LogRecordError("insertions overrun the record") }
        let insertionsEnd = start + 8 + Int(insertionsLength)
        var insertions = [Quad](), deletions = [Quad]()
        do {
            try NQuadsParser.parse(Array(payload[(start + 8)..<insertionsEnd])) { insertions.append($0) }
            try NQuadsParser.parse(Array(payload[insertionsEnd...])) { deletions.append($0) }
        } catch {
            throw LogRecordError("the quads do not parse: \(error)")
        }
        return (insertions, deletions)
    }
}

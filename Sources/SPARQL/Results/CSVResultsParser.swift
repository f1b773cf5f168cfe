import RDF

/// Reads the SPARQL 1.1 Query Results CSV Format (https://www.w3.org/TR/sparql11-results-csv-tsv/#csv).
///
/// CSV is lossy, so reading guesses: an empty field is unbound, `_:label` is a blank node, a field that looks like an
/// absolute IRI (a scheme, `:`, then no spaces or characters IRIs forbid) is an IRI, and everything else, numbers
/// included, is a simple literal. Compare CSV results only with results that went through the same loss: serialize
/// the actual answer as CSV and read it back before comparing (the W3C CSV tests are specified this way).
///
/// Lines may end with CRLF, LF or CR. Booleans: Jena's `_askResult` table and Oxigraph's bare `true`/`false` line.
enum CSVResultsParser {
    static func parse(_ bytes: [UInt8]) throws -> QueryResults {
        var reader = CSVRecordReader(bytes: bytes)
        guard let header = try reader.next() else { throw QueryResultsSyntaxError("empty CSV: no header line", offset: 0, in: bytes) }
        let variables = header.fields == [""] ? [] : header.fields.map { $0.hasPrefix("?") ? String($0.dropFirst()) : $0 }
        for (index, variable) in variables.enumerated() where variable.isEmpty || variables[..<index].contains(variable) {
            throw QueryResultsSyntaxError(variable.isEmpty ? "empty variable name" : "variable '\(variable)' is listed twice", offset: 0, in: bytes)
        }
        var records: [CSVRecordReader.Record] = []
        while let record = try reader.next() { records.append(record) }

        if let boolean = booleanResult(variables: variables, records: records) { return .boolean(boolean) }

        var rows: [[String: Term]] = []
        rows.reserveCapacity(records.count)
        for record in records {
            var row: [String: Term] = [:]
            if record.fields != [""] {
                guard record.fields.count == variables.count else {
                    throw QueryResultsSyntaxError(
                        "\(record.fields.count) fields for \(variables.count) variables",
                        offset: record.offset,
                        in: bytes
                    )
                }
                for (variable, field) in zip(variables, record.fields) {
                    if let term = term(field) { row[variable] = term }
                }
            }
            rows.append(row)
        }
        return .solutions(variables: variables, rows: rows)
    }

    /// Jena's one-cell `_askResult` table, or Oxigraph's lone `true`/`false` line.
    private static func booleanResult(variables: [String], records: [CSVRecordReader.Record]) -> Bool? {
        func boolean(_ text: String) -> Bool? {
            switch text.lowercased() {
            case "true": true
            case "false": false
            default: nil
            }
        }
        if variables == [CSVResultsSerializer.askColumn], records.count == 1, records[0].fields.count == 1 {
            return boolean(records[0].fields[0])
        }
        if variables.count == 1, records.isEmpty { return boolean(variables[0]) }
        return nil
    }

    /// The term a CSV field most likely stood for; `nil` for an empty field (unbound).
    static func term(_ field: String) -> Term? {
        if field.isEmpty { return nil }
        if field.hasPrefix("_:"), field.utf8.count > 2 { return .blankNode(BlankNode(String(field.dropFirst(2)))) }
        if looksLikeAbsoluteIRI(field) { return .iri(IRI(field)) }
        return .literal(Literal(field))
    }

    private static func looksLikeAbsoluteIRI(_ field: String) -> Bool {
        var sawColon = false
        var isFirst = true
        var charactersAfterColon = 0
        for byte in field.utf8 {
            if sawColon {
                switch byte {
                case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
                    UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
                    return false
                default: charactersAfterColon += 1
                }
            } else {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    if isFirst { return false }
                case UInt8(ascii: ":"):
                    if isFirst { return false }
                    sawColon = true
                default: return false
                }
                isFirst = false
            }
        }
        return sawColon && charactersAfterColon > 0
    }
}

/// Splits CSV text into records of fields (RFC 4180), unquoting `"…"` fields and their doubled quotes.
struct CSVRecordReader {
    struct Record {
        var fields: [String]
        /// Byte offset where the record starts.
        var offset: Int
    }

    let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The next record, or `nil` at the end of the input. A line break right before the end starts no record.
    mutating func next() throws -> Record? {
        guard index < bytes.count else { return nil }
        let start = index
        var fields: [String] = []
        while true {
            fields.append(try field())
            guard index < bytes.count else { return Record(fields: fields, offset: start) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "\r"):
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                return Record(fields: fields, offset: start)
            case UInt8(ascii: "\n"):
                index += 1
                return Record(fields: fields, offset: start)
            default:
                throw QueryResultsSyntaxError("expected ',' or a line break after a quoted field", offset: index, in: bytes)
            }
        }
    }

    private mutating func field() throws -> String {
        let start = index
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "\n"),
                bytes[index] != UInt8(ascii: "\r")
            {
                index += 1
            }
            return try decode(bytes[start..<index], at: start)
        }
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else { throw QueryResultsSyntaxError("unterminated quoted field", offset: start, in: bytes) }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { break }
                index += 1
            }
            value.append(byte)
        }
        return try decode(value[...], at: start)
    }

    private func decode(_ slice: ArraySlice<UInt8>, at offset: Int) throws -> String {
        guard let string = String(validating: slice, as: UTF8.self) else {
            throw QueryResultsSyntaxError("invalid UTF-8", offset: offset, in: bytes)
        }
        return string
    }
}

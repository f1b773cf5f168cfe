import RDF

/// Reads the SPARQL 1.1 Query Results TSV Format (https://www.w3.org/TR/sparql11-results-csv-tsv/#tsv).
///
/// Lines end with LF (a CR before it is dropped); fields are split at tabs and trimmed of spaces. Each field is one term in
/// Turtle syntax: `<iri>` (no prefixed names: TSV has no prologue), `_:label`, `"…"` or `'…'` with escapes and an
/// optional `@lang` or `^^<datatype>`, a bare number (`xsd:integer`, `xsd:decimal` or `xsd:double` by its form, its
/// lexical form kept as written) or `true`/`false`. An empty field is unbound. Booleans: Jena's `?_askResult` table and
/// Oxigraph's lone `true`/`false` line.
enum TSVResultsParser {
    static func parse(_ bytes: [UInt8]) throws -> QueryResults {
        var lines = lineRanges(bytes)
        guard !lines.isEmpty else { throw QueryResultsSyntaxError("empty TSV: no header line", offset: 0, in: bytes) }
        let headerRange = lines.removeFirst()
        guard let header = String(validating: bytes[headerRange], as: UTF8.self) else {
            throw QueryResultsSyntaxError("invalid UTF-8", offset: headerRange.lowerBound, in: bytes)
        }
        let trimmedHeader = header.trimmingSpaces()
        if lines.isEmpty, let boolean = boolean(trimmedHeader) { return .boolean(boolean) }
        var variables: [String] = []
        if !trimmedHeader.isEmpty {
            for cell in header.split(separator: "\t", omittingEmptySubsequences: false) {
                let name = cell.trimmingSpaces()
                guard let marker = name.first, marker == "?" || marker == "$", name.count > 1 else {
                    throw QueryResultsSyntaxError("header cell '\(name)' is not a variable like ?name", offset: headerRange.lowerBound, in: bytes)
                }
                let variable = String(name.dropFirst())
                guard !variables.contains(variable) else {
                    throw QueryResultsSyntaxError("variable '\(variable)' is listed twice", offset: headerRange.lowerBound, in: bytes)
                }
                variables.append(variable)
            }
        }
        if variables == [String(TSVResultsSerializer.askColumn.dropFirst())], lines.count == 1,
            let text = String(validating: bytes[lines[0]], as: UTF8.self), let value = boolean(text.trimmingSpaces())
        {
            return .boolean(value)
        }

        var rows: [[String: Term]] = []
        rows.reserveCapacity(lines.count)
        for line in lines {
            var row: [String: Term] = [:]
            let fields = bytes[line].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            let isBlankLine = fields.count == 1 && fields[0].allSatisfy { $0 == UInt8(ascii: " ") }
            if !(isBlankLine && variables.count <= 1) {
                guard fields.count == variables.count else {
                    throw QueryResultsSyntaxError("\(fields.count) fields for \(variables.count) variables", offset: line.lowerBound, in: bytes)
                }
                for (variable, field) in zip(variables, fields) {
                    let term = try bytes.withUnsafeBufferPointer { buffer in
                        var reader = TurtleTermReader(bytes: buffer, range: field.startIndex..<field.endIndex)
                        return try reader.readWholeField()
                    }
                    if let term { row[variable] = term }
                }
            }
            rows.append(row)
        }
        return .solutions(variables: variables, rows: rows)
    }

    private static func boolean(_ text: some StringProtocol) -> Bool? {
        switch text.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// Each line's byte range, without its LF or CRLF; a final line break starts no line.
    private static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                let end = index > start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                ranges.append(start..<end)
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    fileprivate func trimmingSpaces() -> String {
        var slice = self[...]
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}

/// The fields of a URL query string or an `application/x-www-form-urlencoded` body
/// (https://url.spec.whatwg.org/#urlencoded-parsing): `+` is a space, `%XX` a byte, and a field may repeat
/// (`default-graph-uri` does). A name without `=` (`?default`) has the empty value.
package struct FormFields: Sendable, Equatable {
    /// Every field in order, names and values decoded.
    package private(set) var fields: [(name: String, value: String)]

    package init(fields: [(name: String, value: String)] = []) { self.fields = fields }

    /// Parses `text`, found in `place` ("the query string", "the form body"). Invalid percent escapes are kept as written.
    /// - Throws: `RequestError.badRequest` naming the place, the field and the byte when a decoded name or value is not
    ///   UTF-8 (silently replacing the bytes would run a different query than the one sent).
    package init(parsing text: some StringProtocol, in place: String) throws(RequestError) {
        fields = []
        // Cut the UTF-8 bytes at `&` and `=`, which are ASCII, so no character is cut (and no grapheme breaking is
        // paid for); slices of the text, no array of pieces (every request with a query string comes here).
        let bytes = text.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.endIndex
            let pair = bytes[start..<end]
            start = end < bytes.endIndex ? bytes.index(after: end) : end
            guard !pair.isEmpty else { continue }
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let name = try Self.decode(pair[..<equals], what: "a field name", in: place)
            let value = equals < pair.endIndex ? try Self.decode(pair[pair.index(after: equals)...], what: "the value of '\(name)'", in: place) : ""
            fields.append((name, value))
        }
    }

    /// The values of every field called `name`, in order.
    package func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The value of the first field called `name`; `nil` if absent (an HTML form's reading; `single` refuses repeats).
    package func first(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// The value of `name`; `nil` if absent.
    /// - Throws: `RequestError.badRequest` if the field is given more than once (the SPARQL protocol forbids two `query`s).
    package func single(_ name: String) throws(RequestError) -> String? {
        var first: String?
        var count = 0
        for field in fields where field.name == name {
            if count == 0 { first = field.value }
            count += 1
        }
        guard count <= 1 else { throw RequestError.badRequest("the '\(name)' parameter is given \(count) times; give it once") }
        return first
    }

    /// True if a field called `name` is present, with or without a value.
    package func contains(_ name: String) -> Bool { fields.contains { $0.name == name } }

    /// These fields followed by `other`'s.
    package func merged(with other: FormFields) -> FormFields { FormFields(fields: fields + other.fields) }

    package static func == (lhs: FormFields, rhs: FormFields) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// Checks that percent-encoded `text` (a URL's path) is UTF-8 once decoded.
    /// - Throws: `RequestError.badRequest` naming `what`, `place` and the first byte that is not.
    package static func checkUTF8(percentEncoded text: some StringProtocol, what: String, in place: String) throws(RequestError) {
        // A Swift string is UTF-8: only its escapes can decode to bytes that are not (every request's path comes here).
        guard text.utf8.contains(UInt8(ascii: "%")) else { return }
        _ = try decode(text.utf8, what: what, in: place)
    }

    /// - Parameter text: bytes of a Swift string, cut at ASCII bytes (so UTF-8 as they are).
    private static func decode(
        _ text: some Collection<UInt8>, what: @autoclosure () -> String, in place: String
    ) throws(RequestError) -> String {
        // Nothing to decode (most names, many values): the bytes are the text.
        if !text.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) { return String(decoding: text, as: UTF8.self) }
        // Indexing a buffer, not popping a slice: a multi-megabyte query must not spend its time limit here. The text's
        // own bytes when they are contiguous (a native string's are), else a copy.
        func decoding(_ input: UnsafeBufferPointer<UInt8>) -> Result<String, RequestError> {
            Result { () throws(RequestError) -> String in try percentDecode(input, what: what(), in: place) }
        }
        return try (text.withContiguousStorageIfAvailable(decoding) ?? Array(text).withUnsafeBufferPointer(decoding)).get()
    }

    /// `input` with `+` and `%XX` decoded, as a string.
    /// - Throws: `RequestError.badRequest` naming `place`, `what` and the byte when the result is not UTF-8.
    private static func percentDecode(
        _ input: UnsafeBufferPointer<UInt8>, what: @autoclosure () -> String, in place: String
    ) throws(RequestError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            index += 1
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if index + 1 < input.count, let high = hexValue(input[index]), let low = hexValue(input[index + 1]) {
                    bytes.append(high << 4 | low)
                    index += 2
                } else {
                    bytes.append(byte)
                }
            default: bytes.append(byte)
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let offset = InvalidUTF8.firstOffset(bytes) {
            throw RequestError.badRequest(
                "\(place): \(what()) is not UTF-8 once percent-decoded (byte \(offset + 1) of it, 0x"
                    + String(bytes[offset], radix: 16, uppercase: true) + "); percent-encode the UTF-8 bytes of the text")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

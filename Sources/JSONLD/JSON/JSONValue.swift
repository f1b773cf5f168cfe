public import RDF

/// A parsed JSON value (RFC 8259), as `JSONTokenizer` reads it.
///
/// Numbers keep their text, so an integer of any length reaches RDF digit for digit. Objects remember the byte
/// offset of each key and value, so an error about the document can say where it is.
package indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    package var string: String? { if case .string(let value) = self { value } else { nil } }
    package var object: JSONObject? { if case .object(let value) = self { value } else { nil } }
    package var isNull: Bool { if case .null = self { true } else { false } }

    /// A short name of the value's JSON type, for error messages.
    package var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON number as written: `text` matches RFC 8259's `number` production.
package struct JSONNumber: Hashable, Sendable {
    package let text: String

    /// True when the number has neither a fraction nor an exponent.
    package var isIntegerLiteral: Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The nearest `Double`. RFC 8259 numbers always parse; an out-of-range exponent gives ±infinity or 0.
    package var double: Double { Double(text) ?? 0 }
}

/// A JSON object: members by key, keys in document order with the byte offsets of each key and its value.
package struct JSONObject: Sendable {
    package private(set) var members: [String: JSONValue] = [:]
    /// Keys in document order.
    package private(set) var keys: [String] = []
    private var offsets: [(key: Int, value: Int)] = []
    /// Byte offset of the opening `{`.
    package let offset: Int

    init(offset: Int) { self.offset = offset }

    package var count: Int { keys.count }
    package var isEmpty: Bool { keys.isEmpty }

    package subscript(key: String) -> JSONValue? { members[key] }

    /// Adds a member whose key is at `offset` and value at `valueOffset` (by default the key's); `false` (and no
    /// change) when the key is already there.
    mutating func add(_ key: String, _ value: JSONValue, offset: Int, valueOffset: Int? = nil) -> Bool {
        guard members.updateValue(value, forKey: key) == nil else { return false }
        keys.append(key)
        offsets.append((offset, valueOffset ?? offset))
        return true
    }

    /// Where `key` is written, or where the object starts if it has no such key.
    package func offset(of key: String) -> Int {
        guard let index = keys.firstIndex(of: key) else { return offset }
        return offsets[index].key
    }

    /// Where the value of `key` starts, or where the object starts if it has no such key.
    package func valueOffset(of key: String) -> Int {
        guard let index = keys.firstIndex(of: key) else { return offset }
        return offsets[index].value
    }
}

/// A parsed JSON value (RFC 8259), as the JSON-LD processor reads it.
///
/// Numbers keep their text, so an integer of any length reaches RDF digit for digit. Objects remember the byte
/// offset of each key, so a JSON-LD error can say where it is.
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var object: JSONObject? { if case .object(let value) = self { value } else { nil } }
    var isNull: Bool { if case .null = self { true } else { false } }

    /// True for strings, numbers and booleans.
    var isScalar: Bool {
        switch self {
        case .string, .number, .bool: true
        case .null, .array, .object: false
        }
    }

    /// The value itself if it is an array, else a one-element array (JSON-LD's "array-ify"); `[]` for `null`.
    var arrayified: [JSONValue] {
        switch self {
        case .array(let items): items
        case .null: []
        default: [self]
        }
    }

    /// A short name of the value's JSON type, for error messages.
    var kindName: String {
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
struct JSONNumber: Hashable, Sendable {
    let text: String

    /// True when the number has neither a fraction nor an exponent.
    var isIntegerLiteral: Bool { !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } }

    /// The nearest `Double`. RFC 8259 numbers always parse; an out-of-range exponent gives ±infinity or 0.
    var double: Double { Double(text) ?? 0 }
}

/// A JSON object: members by key, keys in document order with the byte offset of each.
struct JSONObject: Sendable {
    private(set) var members: [String: JSONValue] = [:]
    /// Keys in document order.
    private(set) var keys: [String] = []
    private var keyOffsets: [Int] = []
    /// Byte offset of the opening `{`.
    let offset: Int

    init(offset: Int) { self.offset = offset }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    subscript(key: String) -> JSONValue? { members[key] }

    /// Adds a member; `false` (and no change) when the key is already there.
    mutating func add(_ key: String, _ value: JSONValue, offset: Int) -> Bool {
        guard members.updateValue(value, forKey: key) == nil else { return false }
        keys.append(key)
        keyOffsets.append(offset)
        return true
    }

    /// Where `key` is written, or where the object starts if it has no such key.
    func offset(of key: String) -> Int {
        guard let index = keys.firstIndex(of: key) else { return offset }
        return keyOffsets[index]
    }
}

extension JSONValue: Equatable {
    /// Structural equality (JSON-LD compares scoped contexts of protected terms this way); positions are ignored.
    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a.double == b.double
        case (.string(let a), .string(let b)): CodePoints.equal(a, b)
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && a.keys.allSatisfy { key in b[key].map { $0 == a[key]! } ?? false }
        default: false
        }
    }
}

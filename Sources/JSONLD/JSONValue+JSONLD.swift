public import RDF

/// What the JSON-LD processor asks of a JSON value beyond its type: scalars, array-ifying, and structural equality.
extension JSONValue {
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
}

extension JSONValue: Equatable {
    /// Structural equality as JSON-LD compares scoped contexts of protected terms: numbers by value, strings by code
    /// points, objects regardless of key order; positions are ignored.
    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
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

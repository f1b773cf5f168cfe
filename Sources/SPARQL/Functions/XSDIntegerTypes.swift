public import RDF

/// The XSD datatypes derived from `xsd:integer` (XSD 1.1 §3.4, https://www.w3.org/TR/xmlschema11-2/#built-in-datatypes),
/// with their value ranges. SPARQL treats them all as numeric; arithmetic on them yields `xsd:integer` (§17.3).
public enum XSDIntegerTypes {
    /// `xsd:` local name → inclusive range; `nil` bounds are unbounded.
    static let ranges: [String: (min: Int128?, max: Int128?)] = [
        "nonPositiveInteger": (nil, 0),
        "negativeInteger": (nil, -1),
        "long": (Int128(Int64.min), Int128(Int64.max)),
        "int": (Int128(Int32.min), Int128(Int32.max)),
        "short": (Int128(Int16.min), Int128(Int16.max)),
        "byte": (Int128(Int8.min), Int128(Int8.max)),
        "nonNegativeInteger": (0, nil),
        "unsignedLong": (0, Int128(UInt64.max)),
        "unsignedInt": (0, Int128(UInt32.max)),
        "unsignedShort": (0, Int128(UInt16.max)),
        "unsignedByte": (0, Int128(UInt8.max)),
        "positiveInteger": (1, nil),
    ]

    /// True for `xsd:integer` and every datatype derived from it.
    public static func contains(_ datatype: IRI) -> Bool { datatype == XSD.integer || range(of: datatype) != nil }

    /// The value range of a derived type; `nil` for `xsd:integer` itself and for other datatypes.
    static func range(of datatype: IRI) -> (min: Int128?, max: Int128?)? {
        let value = datatype.value
        guard value.hasPrefix(XSD.namespace) else { return nil }
        return ranges[String(value.dropFirst(XSD.namespace.count))]
    }

    /// Whether `value` lies in the value space of `datatype` (an integer type).
    static func accepts(_ value: Int128, as datatype: IRI) -> Bool {
        guard let range = range(of: datatype) else { return true }
        if let min = range.min, value < min { return false }
        if let max = range.max, value > max { return false }
        return true
    }
}

/// How a parse labels the blank nodes it reads.
///
/// A blank node label is local to its document (RDF 1.1 §3.4): `_:b0` in two files are two nodes. raptor keeps the
/// labels as written, so two loads into one store would merge them; by default each parse therefore puts a fresh,
/// random prefix in front of every label (`_:b0` becomes `_:bk3v9x2m1q7a_b0`).
///
/// Whatever the choice, a label that is not a valid N-Triples label (an RDF/XML `rdf:nodeID` may end in `.`) is made
/// one with `NTriples.safeBlankNodeLabel`, so every blank node a parse delivers can be written and read back.
public enum BlankNodeLabeling: Hashable, Sendable {
    /// A fresh random prefix for this parse (the default).
    case unique
    /// The labels as the document wrote them, and `anon…` labels for anonymous nodes. Only for callers that know the
    /// document's blank nodes must match ones they already hold.
    case asWritten
    /// This prefix in front of every label: parses given the same prefix share their blank nodes.
    case prefixed(String)

    /// The prefix one parse uses.
    var prefixForOneParse: String {
        switch self {
        case .unique: Self.freshPrefix()
        case .asWritten: ""
        case .prefixed(let prefix): prefix
        }
    }

    /// `b`, 64 random bits in base 36, `_`: a valid start for an N-Triples label, and unique across runs of the
    /// process, which a counter would not be for blank nodes already stored on disk.
    public static func freshPrefix() -> String {
        "b" + String(UInt64.random(in: .min ... .max), radix: 36) + "_"
    }
}

import RDF

extension RDFFormat {
    /// Raptor's name for the parser of this syntax (`rapper -i NAME`); `nil` for JSON-LD, which raptor cannot read.
    var raptorName: String? {
        switch self {
        case .turtle: "turtle"
        case .ntriples: "ntriples"
        case .nquads: "nquads"
        case .trig: "trig"
        case .rdfxml: "rdfxml"
        case .jsonLD: nil
        }
    }
}

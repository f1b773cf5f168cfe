import RDF

/// An EIRA view named in an element's `eira:view` property, as the dr8 collection the SKOS edition uses.
///
/// "Legal view" → `dr8/view/LegalView` labelled "Legal View"; "Technical view - application" →
/// `dr8/view/TechnicalView-Application` labelled "Technical View - Application" (the v4.0.0 SKOS names exactly).
struct EIRAView: Hashable {
    var iri: IRI
    var label: String
    var language: String?

    /// The views in one property value; v4.0.0 lists two in one value, separated by ";".
    static func views(in value: ArchiMateModel.LocalizedText) -> [EIRAView] {
        value.text.split(separator: ";").compactMap { name in
            let parts = name.split(separator: "-").map { part in
                part.split(whereSeparator: \.isWhitespace).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            }.filter { !$0.isEmpty }
            guard !parts.isEmpty else { return nil }
            // Only letters and digits go into the IRI, whatever else a view's name holds.
            let local = parts.map { $0.joined().filter { $0.isLetter || $0.isNumber } }.joined(separator: "-")
            let label = parts.map { $0.joined(separator: " ") }.joined(separator: " - ")
            return EIRAView(iri: IRI(EIRAVocabulary.viewNamespace + local), label: label, language: value.language)
        }
    }
}

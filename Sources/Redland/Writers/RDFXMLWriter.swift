import RDF

/// Writes RDF/XML flat, as quads arrive: one `rdf:Description` per run of quads with the same subject, one property
/// element per quad, objects by reference (`rdf:resource`, `rdf:nodeID`) and never nested. Output is linear in the input
/// and memory holds one subject, whatever the shape of the graph (a 50,000-item list is 50,000 flat descriptions, where
/// raptor's abbreviating writer nested one level per item). Graph names are ignored.
///
/// Predicates use the declared prefixes when the rest of the IRI is an XML name; otherwise the IRI is split before its
/// longest trailing XML name and the namespace is declared on the element itself (`xmlns:ns0`), since the root element
/// is already written. A predicate that does not end in an XML name, RDF/XML's own syntax names (`rdf:about`, `rdf:li`,
/// …), and characters XML 1.0 cannot hold are refused with `RedlandError(.invalidData)`.
final class RDFXMLWriter {
    /// Namespace → prefix of the declared prefixes (the root's `xmlns:` attributes), `rdf` included.
    private let prefixOfNamespace: [String: String]
    /// The element name (and inline declaration) of each predicate seen, so each IRI is split once.
    private var elementNames: [String: [UInt8]] = [:]
    private var subject: Term?

    /// Starts the document: the XML declaration and the `rdf:RDF` element with `xmlns:` for `prefixes`.
    ///
    /// Prefixes XML reserves (`xml…`), the empty prefix and a second `rdf` are left out.
    init(prefixes: [(String, String)], to buffer: inout [UInt8]) {
        var prefixOfNamespace = [RDFVocabulary.namespace: "rdf"]
        buffer.append(contentsOf: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF\n    xmlns:rdf=\"".utf8)
        buffer.append(contentsOf: RDFVocabulary.namespace.utf8)
        buffer.append(UInt8(ascii: "\""))
        for (prefix, namespace) in prefixes
        where !prefix.isEmpty && prefix != "rdf" && !prefix.lowercased().hasPrefix("xml") && prefixOfNamespace[namespace] == nil
            && XMLText.isAttributeSafe(namespace)
        {
            prefixOfNamespace[namespace] = prefix
            buffer.append(contentsOf: "\n    xmlns:\(prefix)=\"".utf8)
            try? XMLText.appendAttribute(namespace, to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        }
        buffer.append(contentsOf: ">\n".utf8)
        self.prefixOfNamespace = prefixOfNamespace
    }

    func write(_ quad: Quad, to buffer: inout [UInt8]) throws {
        guard case .iri(let predicate) = quad.predicate else { throw RedlandError(.invalidData, "not an RDF statement: \(quad)") }
        // Everything that can fail is checked before a byte is written, so a refused quad leaves the document whole.
        let element = try elementName(predicate.value)
        var object: [UInt8] = []
        switch quad.object {
        case .iri(let iri):
            object += " rdf:resource=\"".utf8
            try XMLText.appendAttribute(iri.value, to: &object)
            object += "\"/>\n".utf8
        case .blankNode(let node):
            object += " rdf:nodeID=\"".utf8
            object += Self.nodeID(node).utf8
            object += "\"/>\n".utf8
        case .literal(let literal):
            if let language = literal.language {
                object += " xml:lang=\"".utf8
                try XMLText.appendAttribute(language, to: &object)
                object += "\"".utf8
            } else if literal.datatype != XSD.string {
                object += " rdf:datatype=\"".utf8
                try XMLText.appendAttribute(literal.datatype.value, to: &object)
                object += "\"".utf8
            }
            object += ">".utf8
            try XMLText.appendText(literal.lexicalForm, to: &object)
            object += "</".utf8
            // The closing tag repeats the name without the inline `xmlns:` declaration.
            object += element.prefix { $0 != UInt8(ascii: " ") }
            object += ">\n".utf8
        }
        if quad.subject != subject {
            var opening: [UInt8] = []
            switch quad.subject {
            case .iri(let iri):
                opening += "  <rdf:Description rdf:about=\"".utf8
                try XMLText.appendAttribute(iri.value, to: &opening)
            case .blankNode(let node):
                opening += "  <rdf:Description rdf:nodeID=\"".utf8
                opening += Self.nodeID(node).utf8
            case .literal:
                throw RedlandError(.invalidData, "not an RDF statement: \(quad)")
            }
            opening += "\">\n".utf8
            if subject != nil { buffer.append(contentsOf: "  </rdf:Description>\n".utf8) }
            buffer.append(contentsOf: opening)
            subject = quad.subject
        }
        buffer.append(contentsOf: "    <".utf8)
        buffer.append(contentsOf: element)
        buffer.append(contentsOf: object)
    }

    func finish(to buffer: inout [UInt8]) {
        if subject != nil { buffer.append(contentsOf: "  </rdf:Description>\n".utf8) }
        subject = nil
        buffer.append(contentsOf: "</rdf:RDF>\n".utf8)
    }

    /// `prefix:local`, or `ns0:local xmlns:ns0="namespace"` when no declared prefix fits.
    private func elementName(_ iri: String) throws -> [UInt8] {
        if let name = elementNames[iri] { return name }
        let scalars = Array(iri.unicodeScalars)
        guard let start = XMLText.localNameStart(scalars), start > 0 else {
            throw RedlandError(.invalidData, "RDF/XML cannot write the predicate <\(iri)>: it does not end in an XML name")
        }
        var namespace = String(String.UnicodeScalarView(scalars[..<start]))
        var local = String(String.UnicodeScalarView(scalars[start...]))
        // A declared namespace wins when the rest of the IRI is still an XML name (`dct:` for …/terms/title.en).
        if prefixOfNamespace[namespace] == nil,
            let declared = prefixOfNamespace.keys.filter({ iri.hasPrefix($0) && $0.count < iri.count }).max(by: { $0.count < $1.count }),
            let rest = Optional(Array(iri.unicodeScalars.dropFirst(declared.unicodeScalars.count))), XMLText.localNameStart(rest) == 0
        {
            namespace = declared
            local = String(String.UnicodeScalarView(rest))
        }
        if namespace == RDFVocabulary.namespace && Self.rdfSyntaxNames.contains(local) {
            throw RedlandError(.invalidData, "RDF/XML cannot write rdf:\(local) as a predicate: it is part of the syntax")
        }
        var name: [UInt8]
        if let prefix = prefixOfNamespace[namespace] {
            name = Array("\(prefix):\(local)".utf8)
        } else {
            name = Array("ns0:\(local) xmlns:ns0=\"".utf8)
            try XMLText.appendAttribute(namespace, to: &name)
            name += "\"".utf8
        }
        if elementNames.count > 10_000 { elementNames.removeAll() }
        elementNames[iri] = name
        return name
    }

    /// The names RDF/XML reserves (coreSyntaxTerms, oldTerms, `rdf:Description` and `rdf:li`, which a reader renumbers).
    private static let rdfSyntaxNames: Set<String> = [
        "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "Description", "aboutEach", "aboutEachPrefix", "bagID", "li",
    ]

    /// An `rdf:nodeID` (an XML name) for a blank node, one-to-one: ASCII letters and digits stay, every other byte is
    /// `_` and two hex digits.
    static func nodeID(_ node: BlankNode) -> String {
        var id = "b"
        for byte in node.id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                id.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                id += "_" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return id
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { count < width ? String(repeating: "0", count: width - count) + self : self }
}

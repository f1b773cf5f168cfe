import Foundation
import FoundationXML
import RDF

/// Reads the SPARQL Query Results XML Format (https://www.w3.org/TR/rdf-sparql-XMLres/) with Foundation's `XMLParser`.
///
/// Elements are matched by namespace and local name, so a prefixed document reads like one using the default
/// namespace. `<link>` and comments are ignored. Character data of `<uri>`, `<bnode>` and `<literal>` is kept exactly
/// (no trimming); whitespace between elements is ignored.
enum XMLResultsParser {
    static let namespace = "http://www.w3.org/2005/sparql-results#"

    static func parse(_ bytes: [UInt8]) throws -> QueryResults {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let reader = XMLResultsReader()
        parser.delegate = reader
        // libxml2 underneath: never beside a raptor world being opened or freed (RDF/Support/LibXMLLock.swift).
        let succeeded = withLibXMLLock { parser.parse() }
        if let error = reader.error { throw error }
        guard succeeded else {
            throw QueryResultsSyntaxError(Self.describe(parser.parserError), at: Self.position(of: parser))
        }
        return try reader.results()
    }

    /// "ill-formed XML" and libxml2's error number. (Mapping the number through `XMLParser.ErrorCode` names the wrong
    /// error on Linux, and Foundation's own text says nothing; the position carries most of the information.)
    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "ill-formed XML" }
        return "ill-formed XML (libxml2 error \((error as NSError).code))"
    }

    /// The parser's current position (it reports 1-based lines and columns), 0-based; the byte offset is unknown (-1).
    static func position(of parser: XMLParser) -> SourcePosition {
        SourcePosition(line: max(parser.lineNumber - 1, 0), column: max(parser.columnNumber - 1, 0), offset: -1)
    }
}

/// The delegate that turns `XMLParser` events into `QueryResults`.
///
/// Not `Sendable`: it lives for one synchronous `parse()` call.
private final class XMLResultsReader: NSObject, XMLParserDelegate {
    private(set) var error: QueryResultsSyntaxError?
    private var sawRoot = false
    private var variables: [String] = []
    private var boolean: Bool?
    private var rows: [[String: Term]] = []
    private var sawResults = false

    private var row: [String: Term]?
    private var bindingName: String?
    /// The term element being read: its local name and attributes.
    private var termElement: (name: String, language: String?, datatype: String?)?
    private var text = ""
    private var readingBoolean = false
    private var depth = 0

    func results() throws -> QueryResults {
        guard sawRoot else { throw QueryResultsSyntaxError("no <sparql> element") }
        if let boolean { return .boolean(boolean) }
        guard sawResults else { throw QueryResultsSyntaxError("neither <results> nor <boolean> in <sparql>") }
        return .solutions(variables: variables, rows: rows)
    }

    private func fail(_ message: String, _ parser: XMLParser) {
        guard error == nil else { return }
        error = QueryResultsSyntaxError(message, at: XMLResultsParser.position(of: parser))
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        guard namespaceURI == XMLResultsParser.namespace else {
            if depth == 1 || termElement == nil { fail("element <\(qualifiedName ?? elementName)> is not in the SPARQL results namespace", parser) }
            return
        }
        if termElement != nil { return fail("<\(elementName)> inside an RDF term", parser) }
        switch elementName {
        case "sparql":
            guard depth == 1 else { return fail("<sparql> must be the root element", parser) }
            sawRoot = true
        case "head", "link":
            break
        case "variable":
            guard let name = attributes["name"] else { return fail("<variable> needs a name attribute", parser) }
            guard !variables.contains(name) else { return fail("variable '\(name)' is listed twice", parser) }
            variables.append(name)
        case "boolean":
            readingBoolean = true
            text = ""
        case "results":
            sawResults = true
        case "result":
            row = [:]
        case "binding":
            guard row != nil else { return fail("<binding> outside <result>", parser) }
            guard let name = attributes["name"] else { return fail("<binding> needs a name attribute", parser) }
            guard variables.contains(name) else { return fail("binding for '\(name)', which <head> does not list", parser) }
            bindingName = name
        case "uri", "bnode", "literal":
            guard bindingName != nil else { return fail("<\(elementName)> outside <binding>", parser) }
            termElement = (elementName, attributes["xml:lang"] ?? attributes["lang"], attributes["datatype"])
            text = ""
        default:
            fail("unknown element <\(elementName)>", parser)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        guard namespaceURI == XMLResultsParser.namespace else { return }
        switch elementName {
        case "boolean":
            readingBoolean = false
            switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
            case "true": boolean = true
            case "false": boolean = false
            default: fail("<boolean> must hold true or false", parser)
            }
        case "result":
            if let row { rows.append(row) }
            row = nil
        case "binding":
            bindingName = nil
        case "uri", "bnode", "literal":
            guard let element = termElement, let name = bindingName else { return }
            termElement = nil
            let term: Term
            switch element.name {
            case "uri": term = .iri(IRI(text))
            case "bnode": term = .blankNode(BlankNode(text))
            default:
                if let language = element.language {
                    guard !language.isEmpty else { return fail("empty xml:lang", parser) }
                    term = .literal(Literal(text, language: language))
                } else if let datatype = element.datatype {
                    term = .literal(Literal(text, datatype: IRI(datatype)))
                } else {
                    term = .literal(Literal(text))
                }
            }
            guard row?[name] == nil else { return fail("variable '\(name)' bound twice in one result", parser) }
            row?[name] = term
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if termElement != nil || readingBoolean { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if termElement != nil || readingBoolean { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if error == nil {
            error = QueryResultsSyntaxError(XMLResultsParser.describe(parseError), at: XMLResultsParser.position(of: parser))
        }
    }
}

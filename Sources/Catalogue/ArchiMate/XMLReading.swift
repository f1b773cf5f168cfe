import Foundation
import RDF

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's `XMLParser` over bytes and turns its failures into `CatalogueError`s with line and column.
///
/// Holds the libxml2 lock for the whole parse: on Linux `XMLParser` is libxml2, whose global state raptor
/// initialises and cleans up when a world is opened or freed on another thread (see `Redland/LibXMLLock.swift`).
enum XMLReading {
    /// Parses `bytes` with `delegate` (namespaces processed). A delegate that stops the parse on purpose sets
    /// `stoppedOnPurpose` so the abort is not reported as an error.
    /// - Throws: `CatalogueError(.syntax)` naming `fileName` with the parser's line and column.
    static func parse(_ bytes: [UInt8], fileName: String, delegate: some XMLReadingDelegate) throws {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let succeeded = withLibXMLLock { parser.parse() }
        if let failure = delegate.failure { throw failure }
        if delegate.stoppedOnPurpose { return }
        // corelibs' `parse()` returns true after some errors (a document that ends too early), so check for errors too.
        if let error = delegate.firstError {
            throw CatalogueError(.syntax, "malformed XML: \(describe(error.code))", file: fileName, line: error.line, column: error.column)
        }
        if !succeeded || parser.parserError != nil {
            let code = parser.parserError.map { ($0 as NSError).code } ?? 1
            throw CatalogueError(
                .syntax, "malformed XML: \(describe(code))", file: fileName, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
        }
    }

    /// libxml2's error number (`xmlParserErrors` in libxml/xmlerror.h), in words for the common ones.
    static func describe(_ code: Int) -> String {
        let words: [Int: String] = [
            4: "no start tag ('<' not found)", 5: "the document ends too early, or goes on after its root element", 9: "invalid character",
            37: "entity not finished", 39: "attribute value not started", 40: "attribute value not finished",
            41: "attribute without value", 65: "a space is required", 68: "a name is required", 72: "'<' expected",
            73: "'>' expected", 74: "'</' expected", 75: "'=' expected", 76: "the end tag does not match its start tag",
            77: "the data ends inside a tag",
        ]
        return words[code].map { "\($0) (libxml2 error \(code))" } ?? "libxml2 error \(code)"
    }
}

/// The base of the delegates `XMLReading` runs: keeps where libxml2 first reported an error (corelibs keeps only the
/// last, and its position is where parsing gave up).
class XMLReadingDelegate: NSObject, XMLParserDelegate {
    /// Set (and the parse aborted) by a subclass when the XML is well-formed but not what it expects.
    var failure: CatalogueError?
    /// Set by a subclass that aborted the parse because it had read all it needed.
    var stoppedOnPurpose = false
    /// libxml2's first error: its number and 1-based position.
    private(set) var firstError: (code: Int, line: Int, column: Int)?

    // The callbacks subclasses use. Declared here because a protocol requirement is bound where the conformance is
    // declared: on Linux a subclass's own method would never be called in place of the protocol's default.
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {}
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {}
    func parser(_ parser: XMLParser, foundCharacters string: String) {}
    func parser(_ parser: XMLParser, foundCDATA block: Data) {}

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if firstError == nil {
            firstError = ((parseError as NSError).code, max(parser.lineNumber, 1), max(parser.columnNumber, 1))
        }
    }

    /// Records `message` at the parser's position and stops the parse.
    func fail(_ parser: XMLParser, _ message: String, fileName: String) {
        guard failure == nil else { return }
        failure = CatalogueError(.notAnEIRARelease, message, file: fileName, line: parser.lineNumber, column: parser.columnNumber)
        parser.abortParsing()
    }
}

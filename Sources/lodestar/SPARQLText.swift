import Foundation

/// The text of a query or update given as an argument or with `--file`; a file's `file:` URI is the base IRI.
struct SPARQLText {
    let text: String
    let baseIRI: String?

    init(argument: String?, file: String?) throws {
        if let file {
            let url = URL(fileURLWithPath: file)
            text = try String(contentsOf: url, encoding: .utf8)
            baseIRI = url.absoluteURL.absoluteString
        } else {
            text = argument ?? ""
            baseIRI = nil
        }
    }
}

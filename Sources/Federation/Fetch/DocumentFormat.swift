import Foundation
import RDF
import Redland

/// Which parser a fetched document gets: the source's format override, else the Content-Type (parameters stripped),
/// else the URL's extension.
enum DocumentFormat {
    static func named(_ name: String) -> RDFFormat? { RDFFormat(name: name) }

    static func choose(override: String?, contentType: String?, url: String) -> RDFFormat? {
        if let override { return RDFFormat(name: override) }
        if let contentType, let format = RDFFormat(mediaType: contentType) { return format }
        let path = URL(string: url)?.path ?? url
        return RDFFormat(fileName: path.hasSuffix(".gz") ? String(path.dropLast(3)) : path)
    }
}

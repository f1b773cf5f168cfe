package import Hummingbird
import Logging

/// The per-request context of Lodestar's routes: Hummingbird's core storage, nothing global (STYLE.md §7).
package struct LodestarRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The URL's query string, parsed once by the first middleware that reads it (`VersionMiddleware`, else
    /// `URLTextMiddleware`, which must parse it anyway to check its UTF-8).
    package var urlFields: FormFields?

    package init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
    }

    /// The fields of `request`'s query string: those the middleware parsed, or parsed now for a router built without
    /// it (some tests), so that routes never depend on the middleware being there.
    /// - Throws: `RequestError.badRequest` naming a field that is not UTF-8 once decoded.
    package func queryFields(of request: Request) throws(RequestError) -> FormFields {
        if let urlFields { return urlFields }
        return try request.queryFields
    }
}

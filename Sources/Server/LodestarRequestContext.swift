package import Hummingbird
import Logging

/// The per-request context of Lodestar's routes: Hummingbird's core storage, nothing global (STYLE.md §7).
package struct LodestarRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The fields of the URL's query string, parsed once by `URLTextMiddleware` (which refuses a query string that is
    /// not UTF-8 before any route sees it).
    package var urlFields = FormFields()

    package init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
    }
}

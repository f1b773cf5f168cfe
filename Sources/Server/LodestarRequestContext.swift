package import Hummingbird
import Logging

/// The per-request context of Lodestar's routes: Hummingbird's core storage, nothing global (STYLE.md §7).
package struct LodestarRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage

    package init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
    }
}

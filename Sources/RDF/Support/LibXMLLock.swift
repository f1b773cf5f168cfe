import Foundation

/// One process-wide lock around what touches libxml2's global state: opening and freeing raptor worlds, and parsing
/// RDF/XML.
///
/// `raptor_free_world` always calls libxml2's `xmlCleanupParser`, which frees global state that an RDF/XML parse in
/// another world, on another thread, may be using; `raptor_world_open` initialises it again, just as unsafely. One
/// world per thread is otherwise safe (research/redland.md §3), so only these calls are serialised. Recursive, so a
/// statement handler may itself parse RDF/XML.
///
/// It lives here, in the module every other one imports, because three modules parse XML with libxml2: `Redland`
/// (raptor), `SPARQL` (the XML results format) and `Catalogue` (ArchiMate exchange files), all through
/// `withLibXMLLock`.
private let libxmlLock = NSRecursiveLock()

/// Runs `body` holding the libxml2 lock. For our modules that parse XML with libxml2 outside raptor (FoundationXML's
/// `XMLParser` is built on it): such a parse must not overlap a raptor world being opened or freed on another thread.
package func withLibXMLLock<T>(_ body: () throws -> T) rethrows -> T {
    libxmlLock.lock()
    defer { libxmlLock.unlock() }
    return try body()
}

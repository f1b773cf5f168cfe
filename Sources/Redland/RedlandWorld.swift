internal import CRedland
import RDF

/// The one owner of librdf and raptor state: every model, parse and serializer works through a world.
///
/// Deliberately not `Sendable`. Debian's librdf is built without thread support, and one world used from two threads
/// crashes even with a model per thread (research/redland.md §3), so the compiler must keep each world inside one
/// actor, which should run on a `RedlandThread` because librdf blocks on disk. Separate worlds on separate threads
/// are safe.
///
/// The world installs a log handler (for librdf and for raptor) that collects errors and warnings with their line and
/// column, so that failures which librdf only logs become thrown `RedlandError`s, and nothing is printed to stderr
/// (except librdf's pointer assertions, which bypass every handler).
///
/// ```swift
/// let world = try RedlandWorld()
/// let model = try RedlandModel(world: world, storageName: "hashes", name: "test", options: "hash-type='memory',contexts='yes'")
/// ```
public final class RedlandWorld {
    let pointer: OpaquePointer
    let raptor: OpaquePointer
    let log = LogCollector()

    /// Creates and opens a world with its own raptor world.
    /// - Throws: `RedlandError` (`.storage`) if librdf or raptor cannot be initialised.
    public init() throws {
        // Our own raptor world, so that raptor does not install itself as libxml2's (per-thread) global error handler:
        // with several worlds on one thread, freeing them out of order would leave libxml2 pointing at a freed world.
        guard let raptor = raptor_new_world_internal(UInt32(RAPTOR_VERSION)) else {
            throw RedlandError(.storage, "cannot create a raptor world")
        }
        raptor_world_set_flag(raptor, RAPTOR_WORLD_FLAG_LIBXML_GENERIC_ERROR_SAVE, 0)
        raptor_world_set_flag(raptor, RAPTOR_WORLD_FLAG_LIBXML_STRUCTURED_ERROR_SAVE, 0)
        // Nor initialise and clean up libcurl's global state (not thread-safe either): Lodestar never fetches over HTTP.
        raptor_world_set_flag(raptor, RAPTOR_WORLD_FLAG_WWW_SKIP_INIT_FINISH, 1)
        guard withLibXMLLock({ raptor_world_open(raptor) }) == 0 else {
            withLibXMLLock { raptor_free_world(raptor) }
            throw RedlandError(.storage, "cannot open a raptor world")
        }
        guard let world = librdf_new_world() else {
            withLibXMLLock { raptor_free_world(raptor) }
            throw RedlandError(.storage, "cannot create a librdf world")
        }
        librdf_world_set_raptor(world, raptor)
        self.pointer = world
        self.raptor = raptor
        let context = Unmanaged.passUnretained(log).toOpaque()
        librdf_world_set_logger(world, context, LogCollector.librdfHandler)
        withLibXMLLock { librdf_world_open(world) }
        // librdf_world_open points raptor's log at librdf (and rasqal does the same); take it back, after opening.
        raptor_world_set_log_handler(raptor, context, LogCollector.raptorHandler)
        // librdf also makes raptor map every blank node label through one world-wide table (which only grows, and
        // would merge `_:b0` of every document parsed in this world). Back to raptor's own labels: written ones as
        // written, anonymous ones numbered after a random prefix, so they cannot collide with a written `_:genid1`.
        raptor_world_set_generate_bnodeid_handler(raptor, nil, nil)
        var anonymous = Array(("anon" + String(UInt32.random(in: .min ... .max), radix: 36) + "n").utf8CString)
        anonymous.withUnsafeMutableBufferPointer { raptor_world_set_generate_bnodeid_parameters(raptor, $0.baseAddress, 1) }
    }

    deinit {
        withLibXMLLock {
            librdf_free_world(pointer)
            // librdf does not free a raptor world it was given. Freeing one cleans up libxml2's global state.
            raptor_free_world(raptor)
        }
    }
}

internal import CRedland
public import RDF

/// A librdf storage and the model over it, used with contexts (named graphs). Not `Sendable`: it lives where its world does.
///
/// Two traps the caller must know (research/redland.md §2.3): a context add does not check for duplicates (the same
/// quad added twice is stored twice), and adding without a context is quadratic with `contexts='yes'`. So this type
/// only adds *with* a context; the caller keeps the default graph under a context of its own and dedupes.
///
/// ```swift
/// let model = try RedlandModel(world: world, storageName: "hashes", name: "lodestar",
///                              options: "hash-type='bdb',dir='/var/lodestar',contexts='yes',new='no'")
/// try model.add(Triple(.iri("http://ex/s"), .iri("http://ex/p"), .string("o")), context: .iri("http://ex/g"))
/// try model.sync()
/// ```
public final class RedlandModel {
    /// Kept so the world outlives the storage and model that point into it.
    private let world: RedlandWorld
    private let storage: OpaquePointer
    private let model: OpaquePointer
    /// The last context node used: loads add many statements to one graph, so it is built once.
    private var cachedContext: (term: Term, node: TermPointer)?

    /// Opens (or creates) a storage and a model over it.
    /// - Parameters:
    ///   - storageName: the librdf storage module, e.g. `hashes`.
    ///   - name: the storage's name; for `hashes` with `bdb`, the prefix of its files in `dir`.
    ///   - options: librdf's options string, e.g. `hash-type='bdb',dir='/path',contexts='yes',new='no'`
    ///     (for tests: `hash-type='memory',contexts='yes'`).
    /// - Throws: `RedlandError` (`.storage`) with librdf's message when the storage or model cannot be opened.
    public init(world: RedlandWorld, storageName: String, name: String, options: String) throws {
        self.world = world
        let (storage, model) = try world.log.check(.storage) { () throws -> (OpaquePointer, OpaquePointer) in
            // `hashes` with `bdb` opens its files only when the model is made, so either step can fail, mostly silently.
            let failure = RedlandError(.storage, "cannot open librdf storage '\(storageName)' named '\(name)' with options \(options)")
            guard let storage = librdf_new_storage(world.pointer, storageName, name, options) else { throw failure }
            guard let model = librdf_new_model(world.pointer, storage, nil) else {
                librdf_free_storage(storage)
                throw failure
            }
            return (storage, model)
        }
        self.storage = storage
        self.model = model
    }

    deinit {
        if let cachedContext { librdf_free_node(cachedContext.node) }
        librdf_free_model(model)
        librdf_free_storage(storage)
    }

    /// Adds `triple` to the graph `context`. Does not check whether the quad is already there: the caller dedupes.
    /// - Throws: `RedlandError` (`.invalidData`) for a term librdf cannot store (see `RedlandLimits`) or a literal
    ///   context; `.storage` if librdf fails.
    public func add(_ triple: Triple, context: Term) throws {
        try RedlandLimits.check(triple)
        let status = try update(triple, context: context) { librdf_model_context_add_statement($0, $1, $2) }
        guard status == 0 else { throw RedlandError(.storage, "librdf could not add \(triple) in \(context) (status \(status))") }
    }

    /// Removes one copy of `triple` from the graph `context`.
    /// - Returns: `false` if it was not there (librdf answers non-zero without logging anything; that is not an error).
    /// - Throws: `RedlandError` (`.invalidData`) for a literal context; `.storage` if librdf logs a failure.
    @discardableResult
    public func remove(_ triple: Triple, context: Term) throws -> Bool {
        try update(triple, context: context) { librdf_model_context_remove_statement($0, $1, $2) } == 0
    }

    /// Removes every statement of the graph `context` (for DROP/CLEAR GRAPH); an empty or unknown graph is no error.
    /// - Throws: `RedlandError` (`.invalidData`) for a literal context; `.storage` if librdf logs a failure.
    public func removeAll(in context: Term) throws {
        guard !context.isLiteral else { throw RedlandError(.invalidData, "a literal cannot name a graph: \(context)") }
        try RedlandLimits.check(context, role: "graph name")
        let contextNode = try node(forContext: context)
        // Non-zero also means "nothing there"; real failures are logged.
        _ = try world.log.check(.storage) { librdf_model_context_remove_statements(model, contextNode) }
    }

    /// Runs `call` with the model, a context node and a statement; returns its status, or throws what librdf logged.
    private func update(
        _ triple: Triple, context: Term, _ call: (OpaquePointer, TermPointer, UnsafeMutablePointer<raptor_statement>) -> Int32
    ) throws -> Int32 {
        guard !context.isLiteral else { throw RedlandError(.invalidData, "a literal cannot name a graph: \(context)") }
        try RedlandLimits.check(context, role: "graph name")
        let contextNode = try node(forContext: context)
        let statement = try world.makeStatement(triple)
        defer { librdf_free_statement(statement) }
        return try world.log.check(.storage) { call(model, contextNode, statement) }
    }

    private func node(forContext context: Term) throws -> TermPointer {
        if let cachedContext, cachedContext.term == context { return cachedContext.node }
        let node = try world.makeNode(context)
        if let cachedContext { librdf_free_node(cachedContext.node) }
        cachedContext = (context, node)
        return node
    }

    /// Calls `body` with every statement and its context (`nil` for a statement stored without one), in storage order.
    ///
    /// Streams through librdf's iterator; nothing is collected here. `body` must not change this model.
    /// - Throws: what `body` throws (iteration stops), or `RedlandError` (`.storage`) if librdf fails.
    public func forEachStatement(_ body: (Triple, Term?) throws -> Void) throws {
        let mark = world.log.mark()
        defer { world.log.release(mark) }
        guard let stream = librdf_model_as_stream(model) else {
            throw world.log.firstFailure(since: mark)?.error(.storage, file: nil)
                ?? RedlandError(.storage, "librdf could not list the model's statements")
        }
        defer { librdf_free_stream(stream) }
        while librdf_stream_end(stream) == 0 {
            guard let statement = librdf_stream_get_object(stream) else { break }
            let triple = Triple(
                makeTerm(statement.pointee.subject), makeTerm(statement.pointee.predicate), makeTerm(statement.pointee.object))
            let context = librdf_stream_get_context2(stream).map { makeTerm($0) }
            try body(triple, context)
            librdf_stream_next(stream)
        }
        if let failure = world.log.firstFailure(since: mark) { throw failure.error(.storage, file: nil) }
    }

    /// Makes what was added durable: flushes the storage to disk (Berkeley DB `sync` for `hashes`/`bdb`).
    /// - Throws: `RedlandError` (`.storage`) if librdf reports a failure.
    public func sync() throws {
        try world.log.check(.storage) {
            let status = librdf_model_sync(model)
            guard status == 0 else { throw RedlandError(.storage, "librdf could not sync the storage (status \(status))") }
        }
    }
}

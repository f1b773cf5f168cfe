import RDF
import Redland

/// The Redland storage of record, as the writer sees it: the world, the model, and how our default graph is stored.
/// Not `Sendable`: it lives inside `StoreWriter` on the Redland thread.
final class RedlandMirror {
    /// Redland's `hashes` storage makes context-less adds quadratic, so the default graph lives in this reserved context.
    static let defaultGraphContext = Term.iri("urn:x-lodestar:default-graph")

    let world: RedlandWorld
    let model: RedlandModel

    /// Opens (creating if needed) the Berkeley DB storage in `directory`, or an in-memory one when `directory` is nil.
    init(directory: String?) throws(StoreError) {
        do {
            world = try RedlandWorld()
            if let directory {
                try FileSystem.createDirectory(directory)
                let exists = FileSystem.exists(directory + "/lodestar-sp2o.db")
                model = try RedlandModel(
                    world: world, storageName: "hashes", name: "lodestar",
                    options: "hash-type='bdb',dir='\(directory)',contexts='yes',new='\(exists ? "no" : "yes")'")
            } else {
                model = try RedlandModel(world: world, storageName: "hashes", name: "lodestar", options: "hash-type='memory',contexts='yes'")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.storage, "cannot open the Redland storage", cause: error)
        }
    }

    func context(for graph: GraphName) -> Term { graph.term ?? Self.defaultGraphContext }

    func graph(for context: Term?) -> GraphName {
        guard let context, context != Self.defaultGraphContext else { return .defaultGraph }
        return GraphName(context) ?? .defaultGraph
    }

    func add(_ quad: Quad) throws(StoreError) {
        do { try model.add(quad.triple, context: context(for: quad.graph)) } catch {
            throw StoreError(.storage, "Redland refused to add \(quad)", cause: error)
        }
    }

    func remove(_ quad: Quad) throws(StoreError) {
        do { try model.remove(quad.triple, context: context(for: quad.graph)) } catch {
            throw StoreError(.storage, "Redland refused to remove \(quad)", cause: error)
        }
    }

    func sync() throws(StoreError) {
        do { try model.sync() } catch { throw StoreError(.storage, "Redland could not sync", cause: error) }
    }

    func forEachQuad(_ body: (Quad) throws -> Void) throws(StoreError) {
        do {
            try model.forEachStatement { triple, context in try body(Quad(triple, graph: graph(for: context))) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.storage, "cannot read the Redland storage", cause: error)
        }
    }
}

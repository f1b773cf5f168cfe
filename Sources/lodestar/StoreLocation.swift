import ArgumentParser
import Foundation
import Store

/// `--store DIR`, shared by every subcommand that opens a store.
struct StoreLocation: ParsableArguments {
    @Option(name: .long, help: "The store directory (default: $LODESTAR_STORE, then ./var/store).")
    var store: String?

    var path: String { store ?? ProcessInfo.processInfo.environment["LODESTAR_STORE"] ?? "./var/store" }

    func open() async throws -> QuadStore { try await QuadStore.open(.directory(path)) }
}

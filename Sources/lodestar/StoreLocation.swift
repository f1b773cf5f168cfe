import ArgumentParser
import Foundation
import Store

/// `--store DIR`, shared by every subcommand that opens a store.
struct StoreLocation: ParsableArguments {
    @Option(name: .long, help: "The store directory (default: $LODESTAR_STORE, then ./var/store).")
    var store: String?

    var path: String { store ?? ProcessInfo.processInfo.environment["LODESTAR_STORE"] ?? "./var/store" }

    func open(_ writing: SyncOption? = nil) async throws -> QuadStore {
        var options = StoreOptions.directory(path)
        if let writing {
            options.sync = writing.mode
            options.checkpointBytes = writing.checkpointBytes
        }
        return try await QuadStore.open(options)
    }
}

/// `--sync`, for the commands that write.
struct SyncOption: ParsableArguments {
    @Option(
        name: .long,
        help: """
            When a write is acknowledged: 'commit' once the write-ahead log is synced to disk (survives a power loss), \
            'os' once the operating system has it (survives a crash of lodestar, not of the machine).
            """)
    var sync: String = SyncMode.commit.rawValue

    @Option(help: "Bytes of write-ahead log that start a checkpoint into Redland (which also happens every minute and on close).")
    var checkpointBytes: Int = StoreOptions.directory(".").checkpointBytes
}

extension SyncOption {
    var mode: SyncMode { SyncMode(rawValue: sync) ?? .commit }

    func validate() throws {
        guard SyncMode(rawValue: sync) != nil else { throw ValidationError("--sync is 'commit' or 'os', not '\(sync)'") }
    }
}

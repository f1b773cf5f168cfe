import ArgumentParser
import Store

/// `lodestar backup`: a consistent copy of a store, live or not.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a store, consistently, while a server may be writing it; the copy opens as a store.")

    @OptionGroup var location: StoreLocation

    @Argument(help: "The directory to create for the copy (it must not exist).")
    var target: String

    func run() async throws {
        let checkpoint = try StoreBackup.copy(storeDirectory: location.path, to: target)
        Terminal.print("backed up \(location.path) to \(target) (checkpoint \(checkpoint) plus the log after it)")
    }
}

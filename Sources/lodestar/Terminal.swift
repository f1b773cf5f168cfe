import Foundation

/// Writes to the standard streams without the `stdout`/`stderr` globals, which Swift 6 considers unsafe to share.
enum Terminal {
    static func write(_ bytes: [UInt8]) throws {
        try FileHandle.standardOutput.write(contentsOf: bytes)
    }

    static func print(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Array((text + "\n").utf8))
    }

    static func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Array((text + "\n").utf8))
    }
}

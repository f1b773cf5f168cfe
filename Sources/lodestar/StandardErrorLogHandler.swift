import Foundation
import Logging
import Synchronization
import SystemPackage

/// Log lines on standard error in `StreamLogHandler`'s format (`2026-12-06T21:00:00+0000 info label : key=value [module]
/// message`), with the metadata formatted when a line is written. `StreamLogHandler` formats its whole metadata each
/// time a key is set, and Hummingbird sets a request id on every request's logger: that cost every request its share
/// of a query's time even when nothing was logged.
struct StandardErrorLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    /// Serialises the lines of all threads, and keeps the last second's timestamp (the request log writes a line per
    /// request: formatting the local time each time was a tenth of the line's cost).
    private static let output = Mutex((second: time_t(-1), stamp: ""))

    init(label: String, logLevel: Logger.Level) {
        self.label = label
        self.logLevel = logLevel
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let explicit = event.metadata { all.merge(explicit) { $1 } }
        var fields = ""
        for (key, value) in all.sorted(by: { $0.key < $1.key }) { fields += " " + key + "=" + value.description }
        // `rawValue` and `description`, not interpolation of the values: that goes through runtime casts.
        let rest = " " + event.level.rawValue + " " + label + " :" + fields + " [" + event.source + "] " + event.message.description + "\n"
        var now = time(nil)
        Self.output.withLock { last in
            if now != last.second {
                last = (now, Self.timestamp(&now))
            }
            var line = last.stamp + rest
            // A log line that cannot be written (a closed standard error) is dropped: there is nowhere to report it.
            line.withUTF8 { _ = try? FileDescriptor.standardError.writeAll($0) }
        }
    }

    /// The local time, as `StreamLogHandler` writes it.
    private static func timestamp(_ now: inout time_t) -> String {
        var buffer = [Int8](repeating: 0, count: 32)
        var local = tm()
        localtime_r(&now, &local)
        strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local)
        return String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self)
    }
}

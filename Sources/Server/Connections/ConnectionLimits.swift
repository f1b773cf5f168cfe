import Foundation

/// How long a connection may wait at each stage, and how many may be open at once (`lodestar serve --idle-timeout …`).
///
/// A client that opens a connection and sends nothing, sends a request head slowly, or stops half-way through a body
/// must not hold a descriptor for good; past `maxConnections` new connections are refused with a 503 that says why,
/// so that `/health` and well-behaved clients keep working when descriptors run short.
public struct ConnectionLimits: Sendable, Equatable {
    /// Seconds a kept-alive connection may sit between requests before it is closed.
    public var idleTimeout: Double
    /// Seconds from the first byte of a request to the end of its head (request line and headers); 408 past it.
    public var headerTimeout: Double
    /// Seconds a request body may pause between two reads; the connection is closed past it.
    public var bodyTimeout: Double
    /// The most connections open at once; later ones get a 503 and are closed.
    public var maxConnections: Int
    /// The largest request head (request line and headers together), in bytes: 414 for a longer URL, 431 for headers.
    public var maxHeaderSize: Int

    public init(
        idleTimeout: Double = 60, headerTimeout: Double = 15, bodyTimeout: Double = 30,
        maxConnections: Int = ConnectionLimits.defaultMaxConnections, maxHeaderSize: Int = 64 * 1024
    ) {
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
        self.maxHeaderSize = maxHeaderSize
    }

    /// Three quarters of the process's descriptor limit (the rest is for the store, dumps and logs), between 64 and
    /// 10,000.
    public static var defaultMaxConnections: Int {
        #if os(Linux)
            var limit = rlimit()
            guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(Int32.max) else { return 10_000 }
            return min(10_000, max(64, Int(limit.rlim_cur) * 3 / 4))
        #else
            return 10_000
        #endif
    }
}

import Foundation
public import RDF
import Synchronization

/// The per-query state SPARQL functions read (SPARQL 1.1 §17.4): the base IRI for `IRI()`, the instant `NOW()`
/// returns throughout one query, the random source behind `RAND()`, `UUID()` and `STRUUID()`, and the blank nodes
/// `BNODE()` mints.
///
/// Make one per query execution. `BNODE("label")` returns the same blank node for the same label within one solution
/// and a different one in the next (§17.4.2.9): call `startSolution()` before evaluating each solution's expressions.
/// Thread-safe; the mutable parts sit behind a mutex.
///
/// ```swift
/// let context = FunctionContext(baseIRI: IRI("http://example.org/"))
/// for solution in solutions {
///     context.startSolution()
///     let node = try SPARQLFunctions.call("BNODE", [.string("x")], context: context)
/// }
/// ```
public final class FunctionContext: Sendable {
    /// The base IRI relative IRIs in `IRI()`/`URI()` resolve against (the query's BASE, or where it was retrieved).
    public let baseIRI: IRI?
    /// The value of `NOW()` for the whole query: an `xsd:dateTime` in UTC, the instant the context was made.
    public var now: XSDDateTime { state.withLock { $0.now() } }
    /// Prefix of the labels of minted blank nodes, unique per context so they do not collide with the data's.
    public var blankNodePrefix: String { state.withLock { $0.blankNodePrefix() } }
    /// When long-running functions (a regular expression match) must give up with `ExpressionError.stopped`.
    let limit: ContinuousClock.Instant?
    /// Another way to stop them: the query's cancellation flag.
    let cancellation: QueryCancellation?

    private let state: Mutex<State>
    /// Compiled REGEX/REPLACE patterns by flags and pattern (see `regularExpression(pattern:flags:)`).
    let regexCache = Mutex<[String: (NSRegularExpression, literal: Bool)]>([:])

    /// What every query makes but few use (`NOW()`, blank nodes) is made on first use: a context is made per query,
    /// and the system's random source costs a system call.
    private struct State {
        var random: RandomSource
        var mintedBlankNodes = 0
        var blankNodesByLabel: [String: BlankNode] = [:]
        /// Seconds since 1970 when the context was made, until `now()` makes the dateTime.
        let startedAt: Double
        var madeNow: XSDDateTime?
        var madePrefix: String?

        mutating func now() -> XSDDateTime {
            if let madeNow { return madeNow }
            let made = XSDDateTime(secondsSince1970: startedAt)
            madeNow = made
            return made
        }

        mutating func blankNodePrefix() -> String {
            if let madePrefix { return madePrefix }
            let made = "f" + String(random.next() & 0xFFFF_FFFF, radix: 16) + "b"
            madePrefix = made
            return made
        }
    }

    /// - Parameters:
    ///   - baseIRI: the base for `IRI()`; without one, `IRI("relative")` is an error.
    ///   - now: the instant `NOW()` returns; the current time if `nil`.
    ///   - randomSeed: makes `RAND()`, `UUID()`, `STRUUID()` and blank node labels reproducible (for tests); the system
    ///     random source if `nil`.
    ///   - limit: the query's deadline, past which a regular expression match stops (`ExpressionError.stopped`).
    ///   - cancellation: the query's cancellation flag, read where `limit` is.
    public init(
        baseIRI: IRI? = nil, now: XSDDateTime? = nil, randomSeed: UInt64? = nil, limit: ContinuousClock.Instant? = nil,
        cancellation: QueryCancellation? = nil
    ) {
        self.baseIRI = baseIRI
        self.limit = limit
        self.cancellation = cancellation
        let random = randomSeed.map { RandomSource.seeded(SplitMix64(seed: $0)) } ?? .system
        state = Mutex(State(random: random, startedAt: Date().timeIntervalSince1970, madeNow: now))
    }

    /// Whether a long-running function should stop now: the limit has passed or the query was cancelled.
    func shouldStop() -> Bool {
        if cancellation?.isCancelled == true { return true }
        if let limit { return ContinuousClock.now >= limit }
        return false
    }

    /// Starts a new solution: `BNODE(label)` forgets the nodes it returned so far.
    public func startSolution() {
        state.withLock { $0.blankNodesByLabel.removeAll(keepingCapacity: true) }
    }

    /// A blank node no other call on this context has returned (`BNODE()`).
    func freshBlankNode() -> BlankNode {
        state.withLock { state in
            state.mintedBlankNodes += 1
            return BlankNode(state.blankNodePrefix() + String(state.mintedBlankNodes))
        }
    }

    /// The blank node for `label` in the current solution (`BNODE(label)`).
    func blankNode(for label: String) -> BlankNode {
        state.withLock { state in
            if let node = state.blankNodesByLabel[label] { return node }
            state.mintedBlankNodes += 1
            let node = BlankNode(state.blankNodePrefix() + String(state.mintedBlankNodes))
            state.blankNodesByLabel[label] = node
            return node
        }
    }

    /// Uniform in [0, 1), with 53 random bits.
    func randomDouble() -> Double {
        state.withLock { Double($0.random.next() >> 11) * 0x1p-53 }
    }

    /// A random (version 4) UUID in lower case: "1f0e3c2a-…".
    func randomUUID() -> String {
        let (high, low) = state.withLock { ($0.random.next(), $0.random.next()) }
        var bytes = withUnsafeBytes(of: high.bigEndian, Array.init) + withUnsafeBytes(of: low.bigEndian, Array.init)
        bytes[6] = bytes[6] & 0x0F | 0x40  // version 4
        bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 4122 variant
        let hex = bytes.map { String($0 >> 4, radix: 16) + String($0 & 0x0F, radix: 16) }.joined()
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return groups.joined(separator: "-")
    }
}

/// The system generator, or a seeded one for reproducible runs.
enum RandomSource {
    case system
    case seeded(SplitMix64)

    mutating func next() -> UInt64 {
        switch self {
        case .system:
            var generator = SystemRandomNumberGenerator()
            return generator.next()
        case .seeded(var generator):
            let value = generator.next()
            self = .seeded(generator)
            return value
        }
    }
}

/// Steele, Lea and Flood's SplitMix64: small, fast, and good enough for RAND() and test reproducibility.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

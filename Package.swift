// swift-tools-version:6.1
import PackageDescription

/// Upcoming features we hold every module to (STYLE.md §1): imports stay internal unless re-exported on purpose,
/// so a C type cannot leak out of `Redland`.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Lodestar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lodestar", targets: ["lodestar"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The HTTP service (Server): Hummingbird 2 without its swift-configuration trait, which Lodestar does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.9.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Federation fetches source dumps: conditional GET, redirects, gzip, timeouts.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // The HTTP/1 parts our connection handlers see (Server/Connections); federation's decompression limit type.
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // SHA-256 for federation's canonical hashes and provenance (already in the graph through async-http-client).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Whole writes to file descriptors, retried on EINTR (already in the graph through swift-nio).
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CRedland",
            pkgConfig: "redland",
            providers: [.apt(["librdf0-dev", "libraptor2-dev", "librasqal3-dev"])]
        ),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CPostgres", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "RDF", swiftSettings: swiftSettings),
        // JSON and JSON-LD 1.1 (reading, writing) in Swift, over RDF's terms.
        .target(name: "JSONLD", dependencies: ["RDF"], swiftSettings: swiftSettings),
        // RDF input/output: `RDFWriter` (Swift writers for every syntax) and `RDFReader` (raptor or Swift parsers).
        .target(name: "Redland", dependencies: ["CRedland", "RDF", "JSONLD"], swiftSettings: swiftSettings),
        .target(
            name: "Store", dependencies: ["Redland", "RDF", "JSONLD", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: swiftSettings),
        .target(name: "SPARQL", dependencies: ["RDF", "JSONLD"], swiftSettings: swiftSettings),
        // The full-text index (SQLite FTS5) kept in step with the store, and the SPARQL search service.
        .target(name: "Search", dependencies: ["CSQLite", "RDF", "Store", "SPARQL"], swiftSettings: swiftSettings),
        // The domain: EIRA importers (SKOS edition, ArchiMate exchange files) and the vocabularies they write.
        .target(name: "Catalogue", dependencies: ["RDF", "Redland", "Store"], swiftSettings: swiftSettings),
        // ADMS-AP federation: sources, harvest pipeline (fetch, scope, upgrade, validate, hash, publish, provenance).
        .target(
            name: "Federation",
            dependencies: [
                "RDF", "Redland", "Store", "SPARQL",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Read replicas: the primary ships every write to a change log in PostgreSQL; replicas follow it (issue 14).
        .target(name: "Replication", dependencies: ["CPostgres", "RDF", "Store"], swiftSettings: swiftSettings),
        .target(
            name: "Resolver",
            dependencies: ["RDF", "Redland", "Store", "SPARQL", "Search", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Server",
            dependencies: [
                "RDF", "JSONLD", "Redland", "Store", "SPARQL", "Resolver", "Federation", "Search",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "lodestar",
            dependencies: [
                "RDF", "JSONLD", "Redland", "Store", "SPARQL", "Catalogue", "Resolver", "Server", "Federation", "Replication",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmarks/store.py runs this beside Oxigraph: reopen time, memory, lookups through the Store API.
        .executableTarget(
            name: "store-benchmark", dependencies: ["Store", "RDF"], path: "Benchmarks/StoreBenchmark", swiftSettings: swiftSettings),
        // Benchmarks/queries.py runs this beside Oxigraph: catalogue SPARQL queries timed through the engine's API.
        .executableTarget(
            name: "query-benchmark", dependencies: ["Store", "SPARQL", "RDF"], path: "Benchmarks/QueryBenchmark", swiftSettings: swiftSettings),
        // Benchmarks/updates.py runs this beside Oxigraph: issue 4's update scenarios through the Store API.
        .executableTarget(
            name: "update-benchmark", dependencies: ["Store", "SPARQL", "RDF"], path: "Benchmarks/UpdateBenchmark", swiftSettings: swiftSettings),
        .testTarget(name: "RDFTests", dependencies: ["RDF"], swiftSettings: swiftSettings),
        .testTarget(name: "JSONLDTests", dependencies: ["JSONLD", "RDF"], swiftSettings: swiftSettings),
        .testTarget(name: "RedlandTests", dependencies: ["Redland", "RDF", "JSONLD"], swiftSettings: swiftSettings),
        // What several test targets share: the seeded SplitMix generator, a raw TCP client for requests no HTTP client sends.
        .target(name: "TestKit", path: "Tests/TestKit", swiftSettings: swiftSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Redland", "RDF", "TestKit"], swiftSettings: swiftSettings),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue", "Store", "Redland", "RDF"], swiftSettings: swiftSettings),
        .testTarget(name: "SPARQLTests", dependencies: ["SPARQL", "RDF", "TestKit"], swiftSettings: swiftSettings),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Store", "SPARQL", "Redland", "RDF"], swiftSettings: swiftSettings),
        // Grammar-aware fuzzing of the SPARQL engine and of HTTP request heads against a live server, bounded by
        // LODESTAR_FUZZ_SECONDS, seed printed.
        .testTarget(
            name: "FuzzTests",
            dependencies: [
                "SPARQL", "RDF", "Server", "Store", "TestKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ResolverTests", dependencies: ["Resolver", "Store", "Redland", "RDF"], swiftSettings: swiftSettings),
        // W3C test manifests read into a graph: shared by the conformance runner and the protocol tests.
        .target(name: "W3CManifests", dependencies: ["Redland", "RDF"], path: "Tests/W3CManifests", swiftSettings: swiftSettings),
        .testTarget(name: "ConformanceTests", dependencies: ["SPARQL", "Redland", "RDF", "W3CManifests"], swiftSettings: swiftSettings),
        // A local document server (Python's http.server): shared by the harvest and the remote LOAD tests.
        .target(name: "LocalHTTPServer", path: "Tests/LocalHTTPServer", swiftSettings: swiftSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Resolver", "Catalogue", "Store", "SPARQL", "RDF", "JSONLD", "Redland", "W3CManifests", "TestKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Python scripts the tests run as real clients; they are not Swift sources.
            exclude: ["Clients"],
            swiftSettings: swiftSettings
        ),
        // Runs the built `lodestar` binary as a child process: exit codes, messages, and kill -9 in mid-load.
        .testTarget(
            name: "FederationTests",
            dependencies: [
                "Federation", "Server", "Store", "SPARQL", "Redland", "RDF", "LocalHTTPServer",
                // The CLI tests run the built binary (exit statuses, kill -9 in mid-harvest).
                "lodestar",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Starts its own PostgreSQL (initdb, pg_ctl) and runs a primary and replicas of the built binary.
        .testTarget(name: "ReplicationTests", dependencies: ["Replication", "Store", "RDF", "lodestar", "TestKit"], swiftSettings: swiftSettings),
        .testTarget(name: "LodestarCLITests", dependencies: ["lodestar", "Store", "RDF", "LocalHTTPServer", "TestKit"], swiftSettings: swiftSettings),
    ]
)

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
    ],
    targets: [
        .systemLibrary(
            name: "CRedland",
            pkgConfig: "redland",
            providers: [.apt(["librdf0-dev", "libraptor2-dev", "librasqal3-dev"])]
        ),
        .target(name: "RDF", swiftSettings: swiftSettings),
        .target(name: "Redland", dependencies: ["CRedland", "RDF"], swiftSettings: swiftSettings),
        .target(name: "Store", dependencies: ["Redland", "RDF"], swiftSettings: swiftSettings),
        .target(name: "SPARQL", dependencies: ["RDF"], swiftSettings: swiftSettings),
        // The domain: EIRA importers (SKOS edition, ArchiMate exchange files) and the vocabularies they write.
        .target(name: "Catalogue", dependencies: ["RDF", "Redland", "Store"], swiftSettings: swiftSettings),
        .target(
            name: "Resolver",
            dependencies: ["RDF", "Redland", "Store", "SPARQL", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Server",
            dependencies: [
                "RDF", "Redland", "Store", "SPARQL", "Resolver",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "lodestar",
            dependencies: [
                "RDF", "Redland", "Store", "SPARQL", "Catalogue", "Resolver", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
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
        .testTarget(name: "RedlandTests", dependencies: ["Redland", "RDF"], swiftSettings: swiftSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Redland", "RDF"], swiftSettings: swiftSettings),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue", "Store", "Redland", "RDF"], swiftSettings: swiftSettings),
        .testTarget(name: "SPARQLTests", dependencies: ["SPARQL", "RDF"], swiftSettings: swiftSettings),
        // Grammar-aware fuzzing of the SPARQL engine, bounded by LODESTAR_FUZZ_SECONDS (default 60), seed printed.
        .testTarget(name: "FuzzTests", dependencies: ["SPARQL", "RDF"], swiftSettings: swiftSettings),
        .testTarget(name: "ResolverTests", dependencies: ["Resolver", "Store", "Redland", "RDF"], swiftSettings: swiftSettings),
        .testTarget(name: "ConformanceTests", dependencies: ["SPARQL", "Redland", "RDF"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Resolver", "Store", "SPARQL", "RDF", "Redland",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Python scripts the tests run as real clients; they are not Swift sources.
            exclude: ["Clients"],
            swiftSettings: swiftSettings
        ),
        // Runs the built `lodestar` binary as a child process: exit codes, messages, and kill -9 in mid-load.
        .testTarget(name: "LodestarCLITests", dependencies: ["lodestar", "Store", "RDF"], swiftSettings: swiftSettings),
    ]
)

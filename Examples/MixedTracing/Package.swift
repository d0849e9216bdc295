// swift-tools-version:6.1
import PackageDescription

// Its own package, so building the library does not build this example (and its HTTP stack) too.
let package = Package(
    name: "MixedTracing",
    platforms: [.macOS(.v15)],
    traits: [
        .trait(
            name: "OTLP",
            description: "Also export over OTLP/HTTP, configured by OTEL_EXPORTER_OTLP_* (on by default)"
        ),
        .default(enabledTraits: ["OTLP"]),
    ],
    dependencies: [
        .package(name: "swift-opentracing-shim", path: "../.."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "MixedTracing",
            dependencies: [
                .product(name: "OpenTracing", package: "swift-opentracing-shim"),
                .product(name: "OTShim", package: "swift-opentracing-shim"),
                .product(name: "OTelModel", package: "swift-opentracing-shim"),
                .product(name: "OTelTracing", package: "swift-opentracing-shim"),
                .product(name: "OTLPExporter", package: "swift-opentracing-shim", condition: .when(traits: ["OTLP"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["OTLP"])),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        )
    ]
)

// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "swift-opentracing-shim",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "OpenTracing", targets: ["OpenTracing"]),
        .library(name: "OpenTracingTestKit", targets: ["OpenTracingTestKit"]),
        .library(name: "OTelModel", targets: ["OTelModel"]),
        .library(name: "OTShim", targets: ["OTShim"]),
        .library(name: "OTelTracing", targets: ["OTelTracing"]),
        .library(name: "OTLPExporter", targets: ["OTLPExporter"]),
        .executable(name: "otlp-export", targets: ["otlp-export"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - OpenTracing API (no dependencies)
        .target(name: "OpenTracing"),
        .target(name: "OpenTracingTestKit", dependencies: ["OpenTracing"]),

        // MARK: - OpenTelemetry-style model and pipeline
        .target(
            name: "OTelModel",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Instrumentation", package: "swift-distributed-tracing"),
            ]
        ),

        // MARK: - The shim: OpenTracing over OTelModel
        .target(
            name: "OTShim",
            dependencies: ["OpenTracing", "OTelModel", .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: - swift-distributed-tracing over OTelModel
        .target(
            name: "OTelTracing",
            dependencies: [
                "OTelModel",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Instrumentation", package: "swift-distributed-tracing"),
            ]
        ),

        // MARK: - OTLP wire: protoc-c decoding, hand-written encoding, HTTP export
        .systemLibrary(
            name: "CProtobufC",
            pkgConfig: "libprotobuf-c",
            providers: [.apt(["libprotobuf-c-dev"]), .brew(["protobuf-c"])]
        ),
        .target(name: "COTLP", dependencies: ["CProtobufC"]),
        .target(
            name: "OTLPExporter",
            dependencies: [
                "OTelModel",
                "COTLP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: - Command-line tool: demo and local receiver
        .executableTarget(
            name: "otlp-export",
            dependencies: [
                "OpenTracing",
                "OTShim",
                "OTelModel",
                "OTLPExporter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: - Tests
        // Plain-thread helpers shared by test targets (not a product).
        .target(name: "PlainThreads", path: "Tests/PlainThreads"),
        .testTarget(name: "OpenTracingTests", dependencies: ["OpenTracing", "OpenTracingTestKit"]),
        .testTarget(name: "OTelModelTests", dependencies: ["OTelModel", "PlainThreads"]),
        .testTarget(
            name: "OTShimTests",
            dependencies: [
                "OTShim", "OpenTracing", "OpenTracingTestKit", "OTelModel",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "OTLPExporterTests",
            dependencies: [
                "OTLPExporter",
                "OTelModel",
                "COTLP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "DemoTests",
            dependencies: [
                "OTShim", "OpenTracing", "OpenTracingTestKit", "OTelModel", "OTLPExporter",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "OTLPReceiverTests",
            dependencies: [
                "OTLPExporter",
                "OTelModel",
                // Not imported: the dependency makes `swift build --build-tests` build the binary the CLI tests run.
                "otlp-export",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "OTelTracingTests",
            dependencies: [
                "OTelTracing", "OTShim", "OpenTracing", "OTelModel", "PlainThreads",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
    ]
)

for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}

// swift-tools-version:6.1
// The benchmark suite: its own package, so that `make test` and the main package never build it.
// Run everything with `make bench` from the repository root (see BENCHMARKS.md).
import PackageDescription

// bench-encode measures the OTLP encoders, which are `package` API of OTLPExporter (the exporter's own code, not a
// copy). A separate package cannot see `package` declarations, and `-package-name` cannot be overridden (SwiftPM's
// comes last), so that one benchmark-only target is compiled with `-disable-access-control`.

let package = Package(
    name: "swift-opentracing-shim-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-opentracing-shim", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // MARK: - Shared workloads (the code every harness below measures)
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "OpenTracing", package: "swift-opentracing-shim"),
                .product(name: "OTShim", package: "swift-opentracing-shim"),
                .product(name: "OTelModel", package: "swift-opentracing-shim"),
            ]
        ),

        // MARK: - package-benchmark suites (time, instructions, mallocs per span)
        .executableTarget(
            name: "HotPath",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "OpenTracing", package: "swift-opentracing-shim"),
                .product(name: "OTelModel", package: "swift-opentracing-shim"),
            ],
            path: "Benchmarks/HotPath",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // MARK: - Stand-alone drivers (callgrind probes, end to end, overload)
        .executableTarget(
            name: "bench-probe",
            dependencies: [
                "BenchSupport",
                .product(name: "OpenTracing", package: "swift-opentracing-shim"),
                .product(name: "OTelModel", package: "swift-opentracing-shim"),
            ]
        ),
        .executableTarget(
            name: "bench-encode",
            dependencies: [
                "BenchSupport",
                .product(name: "OTLPExporter", package: "swift-opentracing-shim"),
                .product(name: "OTelModel", package: "swift-opentracing-shim"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-access-control"])]
        ),
        .executableTarget(
            name: "bench-e2e",
            dependencies: [
                "BenchSupport",
                .product(name: "OpenTracing", package: "swift-opentracing-shim"),
                .product(name: "OTShim", package: "swift-opentracing-shim"),
                .product(name: "OTLPExporter", package: "swift-opentracing-shim"),
                .product(name: "OTelModel", package: "swift-opentracing-shim"),
            ]
        ),
        .executableTarget(
            name: "bench-receiver",
            dependencies: [
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ]
)

for target in package.targets where [.executable, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}

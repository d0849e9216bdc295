import OTShim
import OTelModel
import OTelTracing
import OpenTracing
import Testing
import Tracing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Costs per span through each API, printed; run in release with
/// `OTELTRACING_BENCHMARK=1 swift test -c release --filter BenchmarkTests`.
@Suite("Benchmark: cost per span through each API", .enabled(if: getenv("OTELTRACING_BENCHMARK") != nil))
struct BenchmarkTests {
    static let iterations = 200_000

    /// Median over 5 runs of the nanoseconds per iteration of `body`.
    static func measure(_ label: String, _ body: () -> Void) -> Double {
        var samples: [Double] = []
        for _ in 0..<5 {
            let start = ContinuousClock.now
            for _ in 0..<iterations { body() }
            let elapsed = ContinuousClock.now - start
            let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
            samples.append(nanoseconds / Double(iterations))
        }
        let median = samples.sorted()[2]
        print("benchmark \(label): \(Int(median)) ns/span")
        return median
    }

    @Test("withSpan, OpenTracing withActiveSpan and the raw OTel tracer, no processors")
    func costs() async {
        let provider = OTelTracerProvider(resource: OTelResource())
        let sdt = OTelDistributedTracer(provider: provider)
        let ot = OpenTracingShim.makeTracer(provider: provider)
        let raw = provider.tracer(name: "raw")
        await Task.detached {
            let rawCost = Self.measure("raw OTelTracer start+end") { raw.startSpan("op", parent: nil).end() }
            let sdtCost = Self.measure("SDT withSpan") { sdt.withSpan("op") { _ in } }
            _ = Self.measure("SDT withSpan + 1 attribute") { sdt.withSpan("op") { $0.attributes["k"] = 1 } }
            _ = Self.measure("OT withActiveSpan") { ot.withActiveSpan("op") { _ in } }
            let scope = ot.startActiveSpan("outer")
            _ = Self.measure("SDT withSpan inside an imperative OT scope") { sdt.withSpan("op") { _ in } }
            scope.close()
            sdt.withSpan("outer") { _ in
                _ = Self.measure("OT startSpan+finish inside withSpan") { ot.startSpan("op").finish() }
            }
            #expect(sdtCost > rawCost)
        }.value
    }
}

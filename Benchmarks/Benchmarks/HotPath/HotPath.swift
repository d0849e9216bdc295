import BenchSupport
import Benchmark
import OTelModel
import OpenTracing

// One span per inner iteration; `scalingFactor: .kilo` runs 1,000 spans per sample, and package-benchmark reports
// every metric per span (the `*` columns). Mallocs are counted process-wide (the batch worker's included).

private let sampled = BenchPipeline(sampling: .sampled)
private let alwaysOff = BenchPipeline(sampling: .alwaysOff)
private let parentNotSampled = BenchPipeline(sampling: .parentNotSampled)

private func measure(
    _ benchmark: Benchmark,
    pipeline: BenchPipeline,
    sampling: BenchPipeline.Sampling,
    _ body: () -> Void
) {
    pipeline.withActiveParent(sampling: sampling) {
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            body()
        }
        benchmark.stopMeasurement()
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )

    // MARK: - Hot path, sampled: shim vs OTelModel vs the no-op floor

    Benchmark("hot path: shim, sampled") { benchmark in
        let tracer = sampled.shim
        measure(benchmark, pipeline: sampled, sampling: .sampled) { HotPathWorkload.run(tracer) }
    }
    Benchmark("hot path: OTelModel, sampled") { benchmark in
        let tracer = sampled.otelTracer
        measure(benchmark, pipeline: sampled, sampling: .sampled) { HotPathWorkload.run(tracer) }
    }
    Benchmark("hot path: NoopTracer (floor)") { benchmark in
        let tracer: any OpenTracing.Tracer = NoopTracer.shared
        let scope = tracer.startActiveSpan("parent")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            HotPathWorkload.run(tracer)
        }
        benchmark.stopMeasurement()
        scope.close()
    }

    // MARK: - Unsampled path

    Benchmark("unsampled: shim, always_off") { benchmark in
        let tracer = alwaysOff.shim
        measure(benchmark, pipeline: alwaysOff, sampling: .alwaysOff) { HotPathWorkload.run(tracer) }
    }
    Benchmark("unsampled: shim, parent not sampled") { benchmark in
        let tracer = parentNotSampled.shim
        measure(benchmark, pipeline: parentNotSampled, sampling: .parentNotSampled) { HotPathWorkload.run(tracer) }
    }
    Benchmark("unsampled: OTelModel, always_off") { benchmark in
        let tracer = alwaysOff.otelTracer
        measure(benchmark, pipeline: alwaysOff, sampling: .alwaysOff) { HotPathWorkload.run(tracer) }
    }
    Benchmark("unsampled: OTelModel, parent not sampled") { benchmark in
        let tracer = parentNotSampled.otelTracer
        measure(benchmark, pipeline: parentNotSampled, sampling: .parentNotSampled) { HotPathWorkload.run(tracer) }
    }
}

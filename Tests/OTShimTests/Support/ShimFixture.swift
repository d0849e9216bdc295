import Logging
import OTShim
import OTelModel
import OpenTracing

/// A shim tracer over a provider that exports through a simple processor into an in-memory exporter.
struct ShimFixture: Sendable {
    let exporter: OTelInMemorySpanExporter
    let provider: OTelTracerProvider
    let tracer: any OpenTracingShimTracer
    let logs: CapturingLogHandler.Storage

    init(
        sampler: any OTelSampler = OTelParentBasedSampler(root: OTelAlwaysOnSampler()),
        propagator: (any OTelTextMapPropagator)? = nil,
        textMapPropagator: (any OTelTextMapPropagator)? = nil,
        httpHeadersPropagator: (any OTelTextMapPropagator)? = nil,
        mapsSpanKindTag: Bool = true,
        scopeMisuseHandler: (@Sendable (ScopeMisuseReport) -> Void)? = nil,
        exporter: OTelInMemorySpanExporter = OTelInMemorySpanExporter()
    ) {
        self.exporter = exporter
        provider = OTelTracerProvider(
            resource: OTelResource(),
            sampler: sampler,
            processors: [OTelSimpleSpanProcessor(exporter: exporter)]
        )
        let (logger, logs) = CapturingLogHandler.makeLogger()
        self.logs = logs
        tracer = OpenTracingShim.makeTracer(
            provider: provider,
            configuration: OpenTracingShim.Configuration(
                propagator: propagator,
                textMapPropagator: textMapPropagator,
                httpHeadersPropagator: httpHeadersPropagator,
                mapsSpanKindTag: mapsSpanKindTag,
                logger: logger,
                scopeMisuseHandler: scopeMisuseHandler
            )
        )
    }

    /// Every exported span, after flushing the pipeline.
    func exportedSpans() async throws -> [OTelFinishedSpan] {
        try await provider.forceFlush()
        return exporter.finishedSpans
    }

    /// The one exported span named `name`.
    func exportedSpan(named name: String) async throws -> OTelFinishedSpan {
        let matching = try await exportedSpans().filter { $0.name == name }
        guard matching.count == 1 else {
            throw FixtureError("expected one span named '\(name)', found \(matching.count)")
        }
        return matching[0]
    }
}

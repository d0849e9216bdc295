import OTShim
import OTelModel
import OTelTracing
import OpenTracing
import Tracing

/// One provider, exporting through a simple processor into memory, with both APIs over it: the
/// swift-distributed-tracing tracer and the OpenTracing shim.
struct MixedFixture: Sendable {
    let exporter = OTelInMemorySpanExporter()
    let provider: OTelTracerProvider
    let sdt: OTelDistributedTracer
    let ot: any OpenTracingShimTracer

    init(
        propagator: (any OTelTextMapPropagator)? = nil,
        sampler: any OTelSampler = OTelParentBasedSampler(root: OTelAlwaysOnSampler())
    ) {
        provider = OTelTracerProvider(
            resource: OTelResource(),
            sampler: sampler,
            processors: [OTelSimpleSpanProcessor(exporter: exporter)]
        )
        sdt = OTelDistributedTracer(provider: provider, propagator: propagator)
        ot = OpenTracingShim.makeTracer(
            provider: provider,
            configuration: OpenTracingShim.Configuration(propagator: propagator)
        )
    }

    /// Every exported span, after flushing the pipeline.
    func exportedSpans() async throws -> [OTelFinishedSpan] {
        try await provider.forceFlush()
        return exporter.finishedSpans
    }

    /// The exported spans by name; names must be unique.
    func exportedSpansByName() async throws -> [String: OTelFinishedSpan] {
        let spans = try await exportedSpans()
        return Dictionary(spans.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The exported span named `name`.
    func exportedSpan(named name: String) async throws -> OTelFinishedSpan {
        let matching = try await exportedSpans().filter { $0.name == name }
        guard matching.count == 1 else {
            throw FixtureError("expected one span named '\(name)', found \(matching.count)")
        }
        return matching[0]
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The span id of the span that OpenTelemetry code sees as current.
func currentOTelSpanID() -> String? {
    OTelContext.current.span.map { $0.context.spanID.hexString }
}

/// The span id of OpenTracing's active span, as OpenTracing reports it.
func activeOpenTracingSpanID(_ tracer: any OpenTracing.Tracer) -> String? {
    tracer.activeSpan?.context.spanID
}

/// The span id of the span swift-distributed-tracing code sees as current (the parent `withSpan` would use).
func currentDistributedSpanID(_ tracer: OTelDistributedTracer) -> String? {
    tracer.activeSpan(identifiedBy: InstrumentationContext.current ?? .topLevel)?.otelSpan.context.spanID.hexString
}

extension OTelFinishedSpan {
    var spanIDHex: String { context.spanID.hexString }
    var traceIDHex: String { context.traceID.hexString }
    var parentIDHex: String? { parentSpanID?.hexString }
}

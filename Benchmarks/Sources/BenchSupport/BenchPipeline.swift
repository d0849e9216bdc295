public import OTShim
public import OTelModel
import OpenTracing

/// A tracer provider with a batch span processor over a ``DiscardingSpanExporter``, and the shim over it.
///
/// The resource is fixed (no environment lookup), so runs are comparable.
public struct BenchPipeline: Sendable {
    /// Which spans the provider's sampler keeps.
    public enum Sampling: String, Sendable, CaseIterable {
        /// `ParentBased(AlwaysOn)`: every span is recorded and exported.
        case sampled
        /// `AlwaysOff`: every span is non-recording.
        case alwaysOff
        /// `ParentBased(AlwaysOn)` under a parent whose sampled flag is clear: the spec's common "unsampled" case.
        case parentNotSampled
    }

    public let exporter: DiscardingSpanExporter
    public let processor: OTelBatchSpanProcessor
    public let provider: OTelTracerProvider
    public let otelTracer: OTelTracer
    public let shim: any OpenTracingShimTracer

    /// Creates the pipeline.
    public init(sampling: Sampling, configuration: OTelBatchSpanProcessorConfiguration = .default) {
        exporter = DiscardingSpanExporter()
        processor = OTelBatchSpanProcessor(exporter: exporter, configuration: configuration)
        let sampler: any OTelSampler =
            sampling == .alwaysOff ? OTelAlwaysOffSampler() : OTelParentBasedSampler(root: OTelAlwaysOnSampler())
        provider = OTelTracerProvider(
            resource: OTelResource(attributes: ["service.name": .string("bench")]),
            sampler: sampler,
            processors: [processor]
        )
        otelTracer = provider.tracer(name: OpenTracingShim.instrumentationScopeName, version: OpenTracingShim.version)
        shim = OpenTracingShim.makeTracer(provider: provider)
    }

    /// The parent every workload span is a child of: a recording root for `sampled` and `alwaysOff`, a remote
    /// parent with the sampled flag clear for `parentNotSampled`.
    public func makeParent(sampling: Sampling) -> OTelSpan {
        switch sampling {
        case .sampled, .alwaysOff:
            return otelTracer.startSpan("parent", parent: nil)
        case .parentNotSampled:
            let context = OTelSpanContext(
                traceID: TraceID(bytes: (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)),
                spanID: SpanID(bytes: (1, 2, 3, 4, 5, 6, 7, 8)),
                traceFlags: [],
                isRemote: true
            )
            return OTelSpan(nonRecording: context)
        }
    }

    /// Runs `body` with the parent active in the shim's scope manager (which is OTelModel's current context).
    public func withActiveParent<Result>(sampling: Sampling, _ body: () throws -> Result) rethrows -> Result {
        let parent = makeParent(sampling: sampling)
        defer { parent.end() }
        return try OTelContext.withSpan(parent, body)
    }

    /// Flushes and shuts the pipeline down.
    public func shutdown() async {
        await provider.shutdown()
    }
}

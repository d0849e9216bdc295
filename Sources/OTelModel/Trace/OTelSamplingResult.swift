/// The outcome of ``OTelSampler/shouldSample(parentContext:traceID:name:kind:attributes:links:)``.
///
/// [OpenTelemetry Specification: ShouldSample](https://opentelemetry.io/docs/specs/otel/trace/sdk/#shouldsample)
public struct OTelSamplingResult: Sendable {
    /// Whether the span records and is sampled.
    public var decision: OTelSamplingDecision
    /// Attributes the sampler adds to the span (empty for the built-in samplers).
    public var attributes: OTelAttributes
    /// The trace state of the new span; `nil` keeps the parent's (empty for a root span).
    public var traceState: OTelTraceState?

    /// Creates a result.
    public init(
        decision: OTelSamplingDecision,
        attributes: OTelAttributes = OTelAttributes(),
        traceState: OTelTraceState? = nil
    ) {
        self.decision = decision
        self.attributes = attributes
        self.traceState = traceState
    }
}

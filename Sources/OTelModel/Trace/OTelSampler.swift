/// Decides whether a new span records and whether it is sampled (exported).
///
/// The tracer asks the sampler once per span, before the span exists; the sampler sees the span's name, kind,
/// start attributes and links.
///
/// [OpenTelemetry Specification: Sampler](https://opentelemetry.io/docs/specs/otel/trace/sdk/#sampler)
public protocol OTelSampler: Sendable, CustomStringConvertible {
    /// Decides the fate of a new span.
    ///
    /// - Parameters:
    ///   - parentContext: The parent span's context, or `nil` for a root span (an invalid parent counts as none).
    ///   - traceID: The trace id of the new span (the parent's, or a new one for a root span).
    ///   - name: The span name.
    ///   - kind: The span kind.
    ///   - attributes: The attributes given at span start.
    ///   - links: The links given at span start.
    /// - Returns: The decision, plus attributes to add and the trace state for the new span.
    func shouldSample(
        parentContext: OTelSpanContext?,
        traceID: TraceID,
        name: String,
        kind: OTelSpanKind,
        attributes: OTelAttributes,
        links: [OTelSpanLink]
    ) -> OTelSamplingResult
}

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

/// Whether a span records and whether it is sampled.
///
/// The spec forbids sampled-but-not-recording, so there are three cases.
/// [OpenTelemetry Specification: SamplingResult](https://opentelemetry.io/docs/specs/otel/trace/sdk/#shouldsample)
public enum OTelSamplingDecision: Sendable, Hashable {
    /// Not recorded and not sampled: the span only carries a propagatable context.
    case drop
    /// Recorded (processors see it) but not sampled (exporters do not).
    case recordOnly
    /// Recorded and sampled.
    case recordAndSample
}

/// Drops every span (each still gets a valid, propagatable context).
///
/// [OpenTelemetry Specification: AlwaysOff](https://opentelemetry.io/docs/specs/otel/trace/sdk/#alwaysoff)
public struct OTelAlwaysOffSampler: OTelSampler {
    /// Creates the sampler.
    public init() {}

    /// Always ``OTelSamplingDecision/drop``.
    public func shouldSample(
        parentContext: OTelSpanContext?,
        traceID: TraceID,
        name: String,
        kind: OTelSpanKind,
        attributes: OTelAttributes,
        links: [OTelSpanLink]
    ) -> OTelSamplingResult {
        OTelSamplingResult(decision: .drop)
    }

    /// `AlwaysOffSampler`, as the spec names it.
    public var description: String { "AlwaysOffSampler" }
}

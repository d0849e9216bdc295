/// Records and samples every span.
///
/// [OpenTelemetry Specification: AlwaysOn](https://opentelemetry.io/docs/specs/otel/trace/sdk/#alwayson)
public struct OTelAlwaysOnSampler: OTelSampler {
    /// Creates the sampler.
    public init() {}

    /// Always ``OTelSamplingDecision/recordAndSample``.
    public func shouldSample(
        parentContext: OTelSpanContext?,
        traceID: TraceID,
        name: String,
        kind: OTelSpanKind,
        attributes: OTelAttributes,
        links: [OTelSpanLink]
    ) -> OTelSamplingResult {
        OTelSamplingResult(decision: .recordAndSample)
    }

    /// `AlwaysOnSampler`, as the spec names it.
    public var description: String { "AlwaysOnSampler" }
}

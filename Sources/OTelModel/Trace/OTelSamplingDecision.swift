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

/// Samples a fixed fraction of traces, decided by the trace id alone.
///
/// The decision is deterministic in the trace id (every span of a trace gets the same answer from samplers with
/// the same ratio) and monotone in the ratio (a trace sampled at ratio `r` is sampled at any ratio above `r`):
/// the trace id's least significant 8 bytes, shifted to 63 bits, are compared with `ratio × 2⁶³`.
///
/// [OpenTelemetry Specification: TraceIdRatioBased](https://opentelemetry.io/docs/specs/otel/trace/sdk/#traceidratiobased)
public struct OTelTraceIDRatioBasedSampler: OTelSampler {
    /// The fraction of traces sampled, in `0...1`.
    public let ratio: Double
    private let bound: UInt64
    private let samplesAll: Bool

    /// Creates the sampler; a ratio outside `0...1` is clamped, and NaN samples nothing.
    public init(ratio: Double) {
        let clamped = ratio.isNaN ? 0 : min(1, max(0, ratio))
        self.ratio = clamped
        samplesAll = clamped >= 1
        // 2⁶³ as a Double is exact; the product is below 2⁶³ for ratios below 1, so the conversion cannot trap.
        bound = samplesAll ? .max : UInt64(clamped * 9_223_372_036_854_775_808.0)
    }

    /// ``OTelSamplingDecision/recordAndSample`` for the trace ids below the ratio's bound, else
    /// ``OTelSamplingDecision/drop``.
    public func shouldSample(
        parentContext: OTelSpanContext?,
        traceID: TraceID,
        name: String,
        kind: OTelSpanKind,
        attributes: OTelAttributes,
        links: [OTelSpanLink]
    ) -> OTelSamplingResult {
        OTelSamplingResult(decision: samples(traceID) ? .recordAndSample : .drop)
    }

    /// Whether the trace with this id is sampled at this ratio.
    func samples(_ traceID: TraceID) -> Bool {
        samplesAll || (traceID.low >> 1) < bound
    }

    /// `TraceIdRatioBased{RATIO}`, as the spec names it.
    public var description: String { "TraceIdRatioBased{\(ratio)}" }
}

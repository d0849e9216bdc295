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

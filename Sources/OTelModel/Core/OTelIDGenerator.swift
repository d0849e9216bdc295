/// Generates trace and span ids for new spans.
///
/// [OpenTelemetry Specification: Id Generators](https://opentelemetry.io/docs/specs/otel/trace/sdk/#id-generators)
public protocol OTelIDGenerator: Sendable {
    /// A new, valid trace id.
    func nextTraceID() -> TraceID
    /// A new, valid span id.
    func nextSpanID() -> SpanID
}

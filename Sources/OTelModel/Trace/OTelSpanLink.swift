/// A reference from a span to another span, in the same trace or another.
///
/// [OpenTelemetry Specification: Link](https://opentelemetry.io/docs/specs/otel/trace/api/#link)
public struct OTelSpanLink: Sendable {
    /// The context of the linked span.
    public var context: OTelSpanContext
    /// The attributes of the link; their `droppedCount` says how many were dropped by the per-link limit.
    public var attributes: OTelAttributes

    /// Creates a link.
    public init(context: OTelSpanContext, attributes: OTelAttributes = OTelAttributes()) {
        self.context = context
        self.attributes = attributes
    }
}

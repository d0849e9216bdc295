/// Something that happened during a span, with the time it happened.
///
/// [OpenTelemetry Specification: Add Events](https://opentelemetry.io/docs/specs/otel/trace/api/#add-events)
public struct OTelSpanEvent: Sendable {
    /// The name of the event.
    public var name: String
    /// When the event happened, in nanoseconds since the Unix epoch.
    public var time: UInt64
    /// The attributes of the event; their `droppedCount` says how many were dropped by the per-event limit.
    public var attributes: OTelAttributes

    /// Creates an event.
    public init(name: String, time: UInt64, attributes: OTelAttributes = OTelAttributes()) {
        self.name = name
        self.time = time
        self.attributes = attributes
    }
}

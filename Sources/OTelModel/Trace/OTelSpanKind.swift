/// The relationship of a span to its parent and children in a trace.
///
/// [OpenTelemetry Specification: SpanKind](https://opentelemetry.io/docs/specs/otel/trace/api/#spankind)
public enum OTelSpanKind: Sendable, Hashable {
    /// An internal operation within an application (the default).
    case `internal`
    /// The server side of a synchronous remote call.
    case server
    /// The client side of a synchronous remote call.
    case client
    /// The initiator of an asynchronous request (for example a message sent to a queue).
    case producer
    /// The receiver of an asynchronous request.
    case consumer
}

/// What is current for a piece of code: the active span and the baggage, plus an optional opaque object that a
/// bridge (such as the OpenTracing shim) stores next to the span.
///
/// Read the current context with ``current``; make a context current with ``withValue(_:_:)`` (structured, for
/// sync and async code, visible to child tasks and to swift-distributed-tracing) or ``attach(_:)`` (imperative,
/// for the calling thread or task until the returned token is detached).
///
/// [OpenTelemetry Specification: Context](https://opentelemetry.io/docs/specs/otel/context/)
public struct OTelContext: Sendable {
    /// The active span, if any; a remote parent is a non-recording span wrapping its context.
    public var span: OTelSpan?

    /// The baggage.
    public var baggage: OTelBaggage

    /// An object stored next to ``span`` by a bridge (the OpenTracing shim keeps its span object here, to return
    /// the same object while the span is active). Replacing the span with ``withSpan(_:)`` clears it.
    public var attachment: (any AnyObject & Sendable)?

    /// Creates a context.
    public init(
        span: OTelSpan? = nil, baggage: OTelBaggage = OTelBaggage(), attachment: (any AnyObject & Sendable)? = nil
    ) {
        self.span = span
        self.baggage = baggage
        self.attachment = attachment
    }

    /// No span, no baggage.
    public static let empty = OTelContext()

    /// This context with `span` active (and no attachment: it belonged to the previous span).
    public func withSpan(_ span: OTelSpan?) -> OTelContext {
        OTelContext(span: span, baggage: baggage)
    }

    /// This context with `baggage`.
    public func withBaggage(_ baggage: OTelBaggage) -> OTelContext {
        var copy = self
        copy.baggage = baggage
        return copy
    }

    /// The active span's context, if there is a span.
    public var spanContext: OTelSpanContext? { span?.context }
}

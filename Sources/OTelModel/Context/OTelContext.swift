/// What is current for a piece of code: the active span and the baggage, the debug mark of an extracted parent,
/// plus an optional opaque object that a bridge (such as the OpenTracing shim) stores next to the span.
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

    /// Whether the trace was forced by a debug flag of an extracted parent (B3 `d` or `X-B3-Flags: 1`, Jaeger flag
    /// `0x02` or `jaeger-debug-id`).
    ///
    /// Like OTel Java's B3 debug context key, it lives next to the span: ``withSpan(_:)`` keeps it, so a child
    /// span made active under an extracted debug context is injected with the debug flag again
    /// (``OTelTextMapPropagator/inject(context:into:)``).
    public var isDebug: Bool

    /// The `jaeger-debug-id` value an extracted context carried (see ``OTelPropagationContext/jaegerDebugID``);
    /// kept by ``withSpan(_:)`` like ``isDebug``.
    public var jaegerDebugID: String?

    /// Creates a context.
    public init(
        span: OTelSpan? = nil,
        baggage: OTelBaggage = OTelBaggage(),
        attachment: (any AnyObject & Sendable)? = nil,
        isDebug: Bool = false,
        jaegerDebugID: String? = nil
    ) {
        self.span = span
        self.baggage = baggage
        self.attachment = attachment
        self.isDebug = isDebug
        self.jaegerDebugID = jaegerDebugID
    }

    /// No span, no baggage.
    public static let empty = OTelContext()

    /// This context with `span` active (and no attachment: it belonged to the previous span); baggage and the debug
    /// marks are kept.
    public func withSpan(_ span: OTelSpan?) -> OTelContext {
        OTelContext(span: span, baggage: baggage, isDebug: isDebug, jaegerDebugID: jaegerDebugID)
    }

    /// This context with `baggage`; an ``OTelLiveBaggageAttachment`` is dropped, as it would report its own
    /// baggage instead.
    public func withBaggage(_ baggage: OTelBaggage) -> OTelContext {
        var copy = self
        copy.baggage = baggage
        if attachment is any OTelLiveBaggageAttachment { copy.attachment = nil }
        return copy
    }

    /// The active span's context, if there is a span.
    public var spanContext: OTelSpanContext? { span?.context }
}

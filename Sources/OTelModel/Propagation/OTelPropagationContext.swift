/// What text-map propagators read and write: the span context and baggage of a request.
///
/// Extraction starts from the receiver's current value (usually ``empty``) and leaves it unchanged for any
/// header that is missing or malformed, so garbage never produces a half-valid span context.
public struct OTelPropagationContext: Sendable, Hashable {
    /// The span context; ``OTelSpanContext/invalid`` when there is none.
    public var spanContext: OTelSpanContext
    /// The baggage.
    public var baggage: OTelBaggage
    /// Whether the trace is forced by a debug flag (B3 `X-B3-Flags: 1` or sampling state `d`, Jaeger flag `0x02`
    /// or `jaeger-debug-id`). Debug implies sampled. B3 and Jaeger inject it again; ``OTelContext/isDebug``
    /// carries it from the extracted parent to its children.
    public var isDebug: Bool
    /// The value of a `jaeger-debug-id` header that started a debug trace without ids (`nil` otherwise).
    ///
    /// Jaeger clients tag the new root span with it (`jaeger-debug-id`) so the trace can be found by that value;
    /// ``OTelTracer/startSpan(_:kind:context:attributes:links:startTime:)`` does the same. It is not injected.
    public var jaegerDebugID: String?

    /// Creates a propagation context.
    public init(
        spanContext: OTelSpanContext = .invalid,
        baggage: OTelBaggage = OTelBaggage(),
        isDebug: Bool = false,
        jaegerDebugID: String? = nil
    ) {
        self.spanContext = spanContext
        self.baggage = baggage
        self.isDebug = isDebug
        self.jaegerDebugID = jaegerDebugID
    }

    /// No span context, no baggage.
    public static let empty = OTelPropagationContext()

    /// What propagators inject for `context`: its span's context (``OTelSpanContext/invalid`` without a span),
    /// baggage and debug marks.
    public init(_ context: OTelContext) {
        self.init(
            spanContext: context.span?.context ?? .invalid,
            baggage: context.baggage,
            isDebug: context.isDebug,
            jaegerDebugID: context.jaegerDebugID
        )
    }
}

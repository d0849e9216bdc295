@testable import OTelModel

/// Shared values for propagator tests.
enum PropagationFixtures {
    static let traceID = TraceID(hexString: "4bf92f3577b34da6a3ce929d0e0e4736")!
    static let spanID = SpanID(hexString: "00f067aa0ba902b7")!

    /// A context that extraction of garbage must leave exactly as it is.
    static let sentinel = OTelPropagationContext(
        spanContext: OTelSpanContext(
            traceID: TraceID(hexString: "11111111111111111111111111111111")!,
            spanID: SpanID(hexString: "2222222222222222")!,
            traceFlags: .sampled,
            traceState: OTelTraceState(header: "keep=me")!
        ),
        baggage: OTelBaggage().setting(name: "existing", value: "entry")
    )

    static func sampledContext(baggage: OTelBaggage = OTelBaggage()) -> OTelPropagationContext {
        OTelPropagationContext(
            spanContext: OTelSpanContext(traceID: traceID, spanID: spanID, traceFlags: .sampled),
            baggage: baggage
        )
    }

    /// `propagator` extracting `headers` on top of ``sentinel``.
    static func extractOverSentinel(_ propagator: some OTelTextMapPropagator, _ headers: OTelHeaderFields)
        -> OTelPropagationContext
    {
        var context = sentinel
        propagator.extract(from: headers, into: &context)
        return context
    }
}

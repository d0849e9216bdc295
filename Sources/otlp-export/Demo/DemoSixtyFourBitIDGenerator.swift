import OTelModel

/// Random ids with 64-bit trace ids (the high 8 bytes zero), as OpenTracing-era tracers generated them.
///
/// The OT trace headers carry 64 bits: `OTelOTTracePropagator`, like every OpenTelemetry OT-trace propagator,
/// injects the low half of a 128-bit trace id, so the receiver would continue a different trace. A service that
/// starts traces and propagates them in OT headers therefore needs 64-bit trace ids.
struct DemoSixtyFourBitIDGenerator: OTelIDGenerator {
    private let random = OTelRandomIDGenerator()

    func nextTraceID() -> TraceID {
        var bytes = random.nextTraceID().bytes
        (bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5, bytes.6, bytes.7) = (0, 0, 0, 0, 0, 0, 0, 0)
        let traceID = TraceID(bytes: bytes)
        // All-zero low half too (one in 2^64): draw again rather than return the invalid id.
        return traceID.isValid ? traceID : nextTraceID()
    }

    func nextSpanID() -> SpanID {
        random.nextSpanID()
    }
}

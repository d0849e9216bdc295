import OTelModel
import Testing

/// A propagator of OTelModel, named for test output.
struct NamedPropagator: Sendable, CustomTestStringConvertible {
    let name: String
    let propagator: any OTelTextMapPropagator
    /// How many low-order hex digits of the trace id the format carries (OT trace headers carry 64 bits).
    let traceIDDigits: Int

    var testDescription: String { name }

    static let all: [NamedPropagator] = [
        NamedPropagator(
            name: "W3C trace context + baggage",
            propagator: OTelCompositePropagator([OTelW3CTraceContextPropagator(), OTelW3CBaggagePropagator()]),
            traceIDDigits: 32
        ),
        NamedPropagator(
            name: "B3 single header", propagator: OTelB3Propagator(injectEncoding: .singleHeader), traceIDDigits: 32),
        NamedPropagator(
            name: "B3 multiple headers",
            propagator: OTelB3Propagator(injectEncoding: .multipleHeaders),
            traceIDDigits: 32
        ),
        NamedPropagator(name: "Jaeger", propagator: OTelJaegerPropagator(), traceIDDigits: 32),
        NamedPropagator(name: "OT trace", propagator: OTelOTTracePropagator(), traceIDDigits: 16),
    ]
}

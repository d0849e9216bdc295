import ArgumentParser
import OTelModel

/// The `--propagation` choice: which headers carry the trace context and baggage between the demo's services.
/// Both ends use the same propagator, as services in one deployment must.
enum DemoPropagation: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// W3C `traceparent`/`tracestate` and W3C `baggage`.
    case w3c
    /// Zipkin's B3 (single `b3` header); B3 has no baggage, so W3C `baggage` carries it alongside.
    case b3
    /// Jaeger's `uber-trace-id` with `uberctx-*` baggage.
    case jaeger
    /// The OpenTracing basic tracer's `ot-tracer-*` with `ot-baggage-*`.
    case ot

    /// The propagator for the shim's HTTP-headers and text-map formats.
    var propagator: any OTelTextMapPropagator {
        switch self {
        case .w3c: OTelCompositePropagator([OTelW3CTraceContextPropagator(), OTelW3CBaggagePropagator()])
        case .b3: OTelCompositePropagator([OTelB3Propagator(injectEncoding: .singleHeader), OTelW3CBaggagePropagator()])
        case .jaeger: OTelJaegerPropagator()
        case .ot: OTelOTTracePropagator()
        }
    }

    /// Whether the format carries only 64-bit trace ids, so that the trace's root must generate such ids.
    var carriesSixtyFourBitTraceIDs: Bool { self == .ot }

    /// The header names the format writes, for the summary line.
    var headerNames: String {
        switch self {
        case .w3c: "traceparent, baggage"
        case .b3: "b3, baggage"
        case .jaeger: "uber-trace-id, uberctx-*"
        case .ot: "ot-tracer-*, ot-baggage-*"
        }
    }
}

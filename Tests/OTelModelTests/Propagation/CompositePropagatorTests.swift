import Logging
import Testing

@testable import OTelModel

@Suite("Composite propagator and OTEL_PROPAGATORS")
struct CompositePropagatorTests {
    @Test("a composite injects with every propagator and lists their fields once")
    func compositeInject() {
        let composite = OTelCompositePropagator([
            OTelW3CTraceContextPropagator(), OTelW3CBaggagePropagator(), OTelW3CTraceContextPropagator(),
        ])
        #expect(composite.fields == ["traceparent", "tracestate", "baggage"])
        var headers = OTelHeaderFields()
        composite.inject(
            PropagationFixtures.sampledContext(baggage: OTelBaggage().setting(name: "k", value: "v")),
            into: &headers
        )
        #expect(headers["traceparent"] == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        #expect(headers["baggage"] == "k=v")
    }

    @Test("a composite extracts in order, later propagators overriding what they find")
    func compositeExtractOrder() {
        let composite = OTelCompositePropagator([OTelB3Propagator(), OTelW3CTraceContextPropagator()])
        let context = composite.extract(
            from: [
                "b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1",
                "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            ] as OTelHeaderFields
        )
        #expect(context.spanContext.traceID == PropagationFixtures.traceID)
        let b3Only = composite.extract(
            from: ["b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1"] as OTelHeaderFields
        )
        #expect(b3Only.spanContext.traceID.hexString == "80f198ee56343ba864fe8b2a57d3eff7")
    }

    @Test("OTEL_PROPAGATORS defaults to tracecontext,baggage")
    func defaultPropagators() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let propagator = OTelPropagators.fromEnvironment([:] as [String: String], logger: logger)
        #expect(propagator.fields == ["traceparent", "tracestate", "baggage"])
        #expect(
            OTelPropagators.fromEnvironment(["OTEL_PROPAGATORS": ""], logger: logger).fields == [
                "traceparent", "tracestate", "baggage",
            ]
        )
        #expect(logs.all.isEmpty)
    }

    @Test("OTEL_PROPAGATORS names map to propagators in order, case-insensitively and deduplicated")
    func names() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let propagator = OTelPropagators.fromEnvironment(
            ["OTEL_PROPAGATORS": "B3, b3multi ,jaeger,ottrace,tracecontext,baggage,b3"],
            logger: logger
        )
        #expect(propagator.propagators.count == 6)
        #expect((propagator.propagators[0] as? OTelB3Propagator)?.injectEncoding == .singleHeader)
        #expect((propagator.propagators[1] as? OTelB3Propagator)?.injectEncoding == .multipleHeaders)
        #expect(propagator.propagators[2] is OTelJaegerPropagator)
        #expect(propagator.propagators[3] is OTelOTTracePropagator)
        #expect(propagator.propagators[4] is OTelW3CTraceContextPropagator)
        #expect(propagator.propagators[5] is OTelW3CBaggagePropagator)
        #expect(logs.all.isEmpty)
    }

    @Test("OTEL_PROPAGATORS=none selects no propagator")
    func none() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        #expect(OTelPropagators.fromEnvironment(["OTEL_PROPAGATORS": "none"], logger: logger).propagators.isEmpty)
        #expect(logs.all.isEmpty)
        #expect(
            OTelPropagators.fromEnvironment(["OTEL_PROPAGATORS": "tracecontext,none"], logger: logger).propagators
                .isEmpty
        )
        #expect(logs.all.count == 1)
    }

    @Test("unknown OTEL_PROPAGATORS names are logged and skipped")
    func unknown() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let propagator = OTelPropagators.fromEnvironment(
            ["OTEL_PROPAGATORS": "xray,tracecontext,bogus"],
            logger: logger
        )
        #expect(propagator.propagators.count == 1)
        #expect(propagator.propagators.first is OTelW3CTraceContextPropagator)
        #expect(logs.all.map { $0.metadata["value"]?.description } == ["xray", "bogus"])
    }
}

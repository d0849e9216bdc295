import OTShim
import OTelModel
import OpenTracing
import Testing

@Suite("Interoperation during a migration (beyond the spec)")
struct InteropTests {
    @Test(
        "every OTelModel propagator can serve each format and round-trips the context", arguments: NamedPropagator.all)
    func propagatorRoundTrip(_ named: NamedPropagator) throws {
        for format in [Format.textMap, .httpHeaders] {
            let fixture =
                format == .textMap
                ? ShimFixture(
                    textMapPropagator: named.propagator, httpHeadersPropagator: OTelW3CTraceContextPropagator())
                : ShimFixture(
                    textMapPropagator: OTelW3CTraceContextPropagator(), httpHeadersPropagator: named.propagator)
            let span = fixture.tracer.startSpan("client")
            defer { span.finish() }
            var carrier: [String: String] = [:]
            try fixture.tracer.inject(span.context, format: format, into: &carrier)
            let extracted = try #require(try fixture.tracer.extract(format: format, from: carrier), "\(format)")
            #expect(extracted.spanID == span.context.spanID, "\(format)")
            #expect(extracted.traceID.suffix(named.traceIDDigits) == span.context.traceID.suffix(named.traceIDDigits))
        }
    }

    @Test("a MockTracer neighbour (ot-tracer-* headers) and the shim with the OT trace propagator share traces")
    func mockTracerNeighbour() async throws {
        let neighbour = MockTracer()
        let fixture = ShimFixture(propagator: OTelOTTracePropagator())
        let upstream = neighbour.startSpan("neighbour")
        upstream.setBaggageItem("user", "42")
        var headers: [String: String] = [:]
        try neighbour.inject(upstream.context, format: .httpHeaders, into: &headers)

        let extracted = try fixture.tracer.extract(format: .httpHeaders, from: headers)
        let server = fixture.tracer.startSpan("shim server", childOf: extracted)
        #expect(server.baggageItem("user") == "42")
        var back: [String: String] = [:]
        try fixture.tracer.inject(server.context, format: .httpHeaders, into: &back)
        server.finish()
        upstream.finish()

        let exported = try await fixture.exportedSpan(named: "shim server")
        #expect(exported.parentSpanID?.hexString == upstream.context.spanID)
        #expect(exported.context.traceID.hexString.hasSuffix(upstream.context.traceID))
        let downstream = try #require(try neighbour.extract(format: .httpHeaders, from: back))
        #expect(downstream.traceID == upstream.context.traceID)
        #expect(downstream.spanID == server.context.spanID)
        #expect(downstream.baggageItems == ["user": "42"])
    }

    @Test("a span the shim activates structurally is the OTelModel current span in child tasks too")
    func sharedInstrumentationContext() async {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("shared")
        await fixture.tracer.scopeManager.withActiveSpan(span, isolation: #isolation) {
            await Task {
                #expect(OTelContext.current.spanContext?.spanID.hexString == span.context.spanID)
            }.value
        }
        span.finish()
    }

    @Test("OTelContext.withActiveContext passes an imperative shim activation on to child tasks")
    func imperativeActivationToChildTasks() async {
        let fixture = ShimFixture()
        let scope = fixture.tracer.startActiveSpan("imperative")
        let withoutBridge = await Task { fixture.tracer.activeSpan?.context.spanID }.value
        let withBridge = await OTelContext.withActiveContext {
            await Task { fixture.tracer.activeSpan?.context.spanID }.value
        }
        scope.close()
        #expect(withoutBridge == nil)
        #expect(withBridge == scope.span.context.spanID)
    }
}

import Testing

@testable import OTelModel

/// Extract a debug context → start a child span in it → inject the child: the debug flag must survive.
@Suite("Debug flags through the context layer")
struct DebugContextTests {
    let fixture = TraceFixture(sampler: OTelParentBasedSampler(root: OTelAlwaysOnSampler()))
    static let trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let span = "00f067aa0ba902b7"

    /// Extracts `headers` with `propagator`, starts a child in the extracted context and injects the context with
    /// the child active.
    func continueRequest(
        _ propagator: some OTelTextMapPropagator,
        _ headers: OTelHeaderFields
    ) -> (child: OTelSpan, injected: OTelHeaderFields) {
        let extracted = propagator.extractContext(from: headers)
        return OTelContext.withValue(extracted) {
            let child = fixture.tracer.startSpan("server")
            return OTelContext.withSpan(child) {
                var injected = OTelHeaderFields()
                propagator.inject(into: &injected)
                return (child, injected)
            }
        }
    }

    @Test("B3 single header: sampling state d survives extract, child start and inject")
    func b3SingleDebug() {
        let (child, injected) = continueRequest(
            OTelB3Propagator(),
            ["b3": "\(Self.trace)-\(Self.span)-d"]
        )
        #expect(child.context.traceID.hexString == Self.trace)
        #expect(child.parentSpanID?.hexString == Self.span)
        #expect(child.context.isSampled)
        #expect(injected["b3"] == "\(Self.trace)-\(child.context.spanID.hexString)-d")
    }

    @Test("B3 multiple headers: X-B3-Flags 1 survives extract, child start and inject, without X-B3-Sampled")
    func b3MultiDebug() {
        let (child, injected) = continueRequest(
            OTelB3Propagator(injectEncoding: .multipleHeaders),
            ["X-B3-TraceId": Self.trace, "X-B3-SpanId": Self.span, "X-B3-Flags": "1"]
        )
        #expect(injected["x-b3-traceid"] == Self.trace)
        #expect(injected["x-b3-spanid"] == child.context.spanID.hexString)
        #expect(injected["x-b3-flags"] == "1")
        #expect(injected["x-b3-sampled"] == nil)
    }

    @Test("B3 without debug: the child is injected as plain sampled")
    func b3WithoutDebug() {
        let (child, injected) = continueRequest(OTelB3Propagator(), ["b3": "\(Self.trace)-\(Self.span)-1"])
        #expect(injected["b3"] == "\(Self.trace)-\(child.context.spanID.hexString)-1")
    }

    @Test("Jaeger flag 0x02 survives extract, child start and inject as flags 3")
    func jaegerDebugFlag() {
        let (child, injected) = continueRequest(
            OTelJaegerPropagator(),
            ["uber-trace-id": "\(Self.trace):\(Self.span):0:2"]
        )
        #expect(child.context.isSampled)
        #expect(injected["uber-trace-id"] == "\(Self.trace):\(child.context.spanID.hexString):0:3")
        #expect(child.attributes["jaeger-debug-id"] == nil)
    }

    @Test("jaeger-debug-id starts a new sampled trace whose root carries the debug id and is injected as debug")
    func jaegerDebugID() {
        let (child, injected) = continueRequest(OTelJaegerPropagator(), ["jaeger-debug-id": "find-me-42"])
        #expect(child.context.isValid)
        #expect(child.context.isSampled)
        #expect(child.parentSpanID == nil)
        #expect(child.attributes["jaeger-debug-id"] == .string("find-me-42"))
        let expected = "\(child.context.traceID.hexString):\(child.context.spanID.hexString):0:3"
        #expect(injected["uber-trace-id"] == expected)
    }

    @Test("a grandchild under the jaeger-debug-id root keeps debug but is not tagged with the debug id")
    func jaegerDebugIDGrandchild() {
        let extracted = OTelJaegerPropagator().extractContext(from: ["jaeger-debug-id": "find-me"] as OTelHeaderFields)
        let root = fixture.tracer.startSpan("root", context: extracted)
        let rootContext = extracted.withSpan(root)
        let grandchild = fixture.tracer.startSpan("inner", context: rootContext)
        #expect(grandchild.parentSpanID == root.context.spanID)
        #expect(grandchild.attributes["jaeger-debug-id"] == nil)
        var injected = OTelHeaderFields()
        OTelJaegerPropagator().inject(context: rootContext.withSpan(grandchild), into: &injected)
        #expect(injected["uber-trace-id"]?.hasSuffix(":0:3") == true)
    }

    @Test("withSpan keeps baggage, isDebug and jaegerDebugID but drops the attachment")
    func withSpanKeepsDebug() {
        final class Marker: Sendable {}
        let context = OTelContext(
            baggage: OTelBaggage().setting(name: "k", value: "v"),
            attachment: Marker(),
            isDebug: true,
            jaegerDebugID: "id"
        )
        let replaced = context.withSpan(OTelSpan(nonRecording: .stub()))
        #expect(replaced.isDebug)
        #expect(replaced.jaegerDebugID == "id")
        #expect(replaced.baggage["k"] == "v")
        #expect(replaced.attachment == nil)
    }

    @Test("an extracted context wraps a valid or invalid-but-sampled span context, and no span otherwise")
    func extractedContextSpan() {
        let valid = OTelContext(extracted: PropagationFixtures.sampledContext())
        #expect(valid.spanContext?.spanID == PropagationFixtures.spanID)
        #expect(valid.span?.isRecording == false)
        let debugOnly = OTelContext(
            extracted: OTelPropagationContext(
                spanContext: OTelSpanContext(traceID: .invalid, spanID: .invalid, traceFlags: .sampled),
                isDebug: true
            )
        )
        #expect(debugOnly.spanContext?.isSampled == true)
        #expect(debugOnly.isDebug)
        let baggageOnly = OTelContext(
            extracted: OTelPropagationContext(baggage: OTelBaggage().setting(name: "k", value: "v"))
        )
        #expect(baggageOnly.span == nil)
        #expect(baggageOnly.baggage["k"] == "v")
    }

    @Test("injecting a context without a span writes baggage only")
    func injectBaggageOnly() {
        var injected = OTelHeaderFields()
        OTelJaegerPropagator().inject(
            context: OTelContext(baggage: OTelBaggage().setting(name: "k", value: "v")),
            into: &injected
        )
        #expect(injected["uber-trace-id"] == nil)
        #expect(injected["uberctx-k"] == "v")
    }
}

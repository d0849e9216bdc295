import OTShim
import OTelModel
import OpenTracing
import Testing

/// A start with no references and no tags takes a shorter path than one with tags; both must give the same span.
@Suite("Start span: the no-references, no-tags path equals the general one")
struct StartSpanFastPathTests {
    @Test("a span without tags has the same parent, trace and baggage as a tagged sibling under the active span")
    func sameParentAsTaggedSibling() async throws {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("parent")
        parent.setBaggageItem("tenant", "acme")
        let scope = fixture.tracer.scopeManager.activate(parent, finishOnClose: true)
        let plain = fixture.tracer.startSpan("plain")
        let tagged = fixture.tracer.startSpan("tagged", tags: ["k": "v"])
        #expect(plain.baggageItem("tenant") == "acme")
        #expect(tagged.baggageItem("tenant") == "acme")
        plain.finish()
        tagged.finish()
        scope.close()
        let exportedPlain = try await fixture.exportedSpan(named: "plain")
        let exportedTagged = try await fixture.exportedSpan(named: "tagged")
        #expect(exportedPlain.parentSpanID?.hexString == parent.context.spanID)
        #expect(exportedTagged.parentSpanID?.hexString == parent.context.spanID)
        #expect(exportedPlain.context.traceID.hexString == parent.context.traceID)
        #expect(exportedPlain.context.traceFlags == exportedTagged.context.traceFlags)
        #expect(exportedPlain.kind == .internal)
        #expect(exportedPlain.attributes.isEmpty)
        #expect(exportedTagged.attributes["k"] == .string("v"))
    }

    @Test("a span without tags, ignoring the active span, is a root with no baggage, as a tagged one is")
    func ignoringActiveSpan() async throws {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("parent")
        parent.setBaggageItem("tenant", "acme")
        let scope = fixture.tracer.scopeManager.activate(parent, finishOnClose: true)
        let plain = fixture.tracer.startSpan("plain", ignoreActiveSpan: true)
        let tagged = fixture.tracer.startSpan("tagged", tags: ["k": "v"], ignoreActiveSpan: true)
        #expect(plain.baggageItem("tenant") == nil)
        #expect(tagged.baggageItem("tenant") == nil)
        plain.finish()
        tagged.finish()
        scope.close()
        let exportedPlain = try await fixture.exportedSpan(named: "plain")
        let exportedTagged = try await fixture.exportedSpan(named: "tagged")
        #expect(exportedPlain.parentSpanID == nil)
        #expect(exportedTagged.parentSpanID == nil)
        #expect(exportedPlain.context.traceID.hexString != parent.context.traceID)
    }

    @Test("a jaeger-debug-id current context tags a root without tags as it tags a root with tags, and both stay debug")
    func jaegerDebugIDRootWithoutTags() async throws {
        let fixture = ShimFixture(propagator: OTelJaegerPropagator())
        let debugContext = OTelContext(baggage: OTelBaggage().setting(name: "k", value: "v"), isDebug: true, jaegerDebugID: "find-me")
        let (plain, tagged) = OTelContext.withValue(debugContext) {
            (fixture.tracer.startSpan("plain"), fixture.tracer.startSpan("tagged", tags: ["t": 1]))
        }
        for span in [plain, tagged] {
            #expect(span.baggageItem("k") == "v")
            var outgoing: [String: String] = [:]
            try fixture.tracer.inject(span.context, format: .httpHeaders, into: &outgoing)
            #expect(outgoing["uber-trace-id"] == "\(span.context.traceID):\(span.context.spanID):0:3")
            span.finish()
        }
        #expect(try await fixture.exportedSpan(named: "plain").attributes["jaeger-debug-id"] == .string("find-me"))
        #expect(try await fixture.exportedSpan(named: "tagged").attributes["jaeger-debug-id"] == .string("find-me"))
    }
}

import OTelModel
import OTelTracing
import OpenTracing
import Testing
import Tracing

@Suite("Baggage shared by both APIs")
struct BaggageTests {
    @Test("baggage set through swift-distributed-tracing reaches OpenTracing spans started inside, and their inject")
    func distributedToOpenTracing() async throws {
        let fixture = MixedFixture()
        let scope = fixture.ot.startActiveSpan("ot-outer")
        var context = InstrumentationContext.current ?? .topLevel
        context.otelBaggage = context.otelBaggage.setting(name: "tenant", value: "acme")
        try InstrumentationContext.$current.withValue(context) {
            #expect(fixture.ot.activeSpan?.context.spanID == scope.span.context.spanID)
            #expect(fixture.ot.activeSpan?.baggageItem("tenant") == "acme")
            let child = fixture.ot.startSpan("ot-child")
            #expect(child.baggageItem("tenant") == "acme")
            var headers: [String: String] = [:]
            try fixture.ot.inject(child.context, format: .textMap, into: &headers)
            #expect(parseBaggageHeader(headers["baggage"]) == ["tenant": "acme"])
            child.finish()
        }
        scope.close()
        expectChain(["ot-outer", "ot-child"], in: try await fixture.exportedSpans())
    }

    @Test("baggage set on an OpenTracing span before activation is seen by withSpan code and its inject")
    func openTracingBeforeActivation() {
        let fixture = MixedFixture()
        let span = fixture.ot.startSpan("ot")
        span.setBaggageItem("user", "u-7")
        let scope = fixture.ot.scopeManager.activate(span, finishOnClose: true)
        fixture.sdt.withSpan("sdt") { sdtSpan in
            #expect(sdtSpan.context.otelBaggage["user"] == "u-7")
            var headers: [String: String] = [:]
            fixture.sdt.inject(sdtSpan.context, into: &headers, using: DictionaryInjector())
            #expect(parseBaggageHeader(headers["baggage"]) == ["user": "u-7"])
        }
        scope.close()
    }

    @Test("baggage set on the active OpenTracing span after activation reaches OpenTracing children")
    func openTracingAfterActivationToOpenTracing() {
        let fixture = MixedFixture()
        let scope = fixture.ot.startActiveSpan("ot")
        scope.span.setBaggageItem("late", "yes")
        #expect(fixture.ot.startSpan("ot-child").baggageItem("late") == "yes")
        scope.close()
    }

    @Test("baggage set on the active OpenTracing span after activation reaches withSpan code")
    func openTracingAfterActivationToDistributed() {
        let fixture = MixedFixture()
        let scope = fixture.ot.startActiveSpan("ot")
        scope.span.setBaggageItem("late", "yes")
        fixture.sdt.withSpan("sdt") { span in
            #expect(span.context.otelBaggage["late"] == "yes")
            var headers: [String: String] = [:]
            fixture.sdt.inject(span.context, into: &headers, using: DictionaryInjector())
            #expect(parseBaggageHeader(headers["baggage"]) == ["late": "yes"])
        }
        #expect((InstrumentationContext.current ?? .topLevel).otelBaggage["late"] == "yes")
        scope.close()
    }

    @Test("setting baggage keeps the current span and leaves other context values alone")
    func settingKeepsSpan() {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("sdt") { span in
            var context = InstrumentationContext.current ?? .topLevel
            context.otelBaggage = context.otelBaggage.setting(name: "a", value: "1")
            #expect(context.otelContext?.span === span.otelSpan)
            #expect(context.otelBaggage["a"] == "1")
            #expect((InstrumentationContext.current ?? .topLevel).otelBaggage.isEmpty, "the bound context is unchanged")
        }
    }
}

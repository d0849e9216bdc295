import OpenTracing
import Testing

@Suite("NoopTracer")
struct NoopTracerTests {
    @Test("every span is the tracer's one shared span, with an empty context and no state")
    func sharedSpanHasNoState() {
        let tracer = NoopTracer()
        let first = tracer.startSpan("a", tags: ["k": "v"])
        let second = tracer.startSpan("b", childOf: first)
        #expect(first === second)
        #expect(first.tracer === tracer)
        first.setBaggageItem("user", "42")
        first.setTag("k", 1)
        first.log(event: "e")
        first.finish()
        #expect(first.baggageItem("user") == nil)
        #expect(first.context.traceID == "")
        #expect(first.context.spanID == "")
        #expect(first.context.baggageItems.isEmpty)
    }

    @Test("nothing is ever active, and activating returns a scope of the span")
    func nothingActive() {
        let tracer = NoopTracer()
        let scope = tracer.startActiveSpan("a")
        #expect(scope.span === tracer.startSpan("b"))
        #expect(tracer.activeSpan == nil)
        #expect(tracer.scopeManager.activate(scope.span) === scope, "the tracer's own span has one shared scope")
        let ran = tracer.withActiveSpan("c") { _ in tracer.activeSpan == nil }
        #expect(ran)
        scope.close()
    }

    @Test("inject writes nothing and extract finds nothing, in all three formats")
    func propagationIsEmpty() throws {
        let tracer = NoopTracer()
        let context = tracer.startSpan("a").context
        var textMap: [String: String] = [:]
        try tracer.inject(context, format: .textMap, into: &textMap)
        try tracer.inject(context, format: .httpHeaders, into: &textMap)
        #expect(textMap.isEmpty)
        var binary = BinaryCarrier()
        try tracer.inject(context, format: .binary, into: &binary)
        #expect(binary.bytes.isEmpty)
        #expect(try tracer.extract(format: .textMap, from: ["ot-tracer-traceid": "1"]) == nil)
        #expect(try tracer.extract(format: .httpHeaders, from: [String: String]()) == nil)
        #expect(try tracer.extract(format: .binary, from: BinaryCarrier(bytes: [1, 2])) == nil)
    }

    @Test("an unknown format throws unsupportedFormat, a carrier of the wrong type throws invalidCarrier")
    func propagationErrors() {
        let tracer = NoopTracer()
        let context = tracer.startSpan("a").context
        var textMap: [String: String] = [:]
        #expect(throws: OpenTracingError.unsupportedFormat(Format(name: "custom"))) {
            try tracer.inject(context, format: Format(name: "custom"), into: &textMap)
        }
        #expect(throws: OpenTracingError.unsupportedFormat(Format(name: "custom"))) {
            _ = try tracer.extract(format: Format(name: "custom"), from: textMap)
        }
        #expect(throws: OpenTracingError.invalidCarrier(format: .binary, carrierType: "Swift.Dictionary<Swift.String, Swift.String>")) {
            try tracer.inject(context, format: .binary, into: &textMap)
        }
        var number = 1
        #expect(throws: OpenTracingError.invalidCarrier(format: .textMap, carrierType: "Swift.Int")) {
            try tracer.inject(context, format: .textMap, into: &number)
        }
    }

    @Test("the no-op scope manager honours finishOnClose for spans of other tracers")
    func finishOnCloseForForeignSpans() throws {
        let mock = MockTracer()
        let span = try #require(mock.startSpan("foreign") as? MockSpan)
        let scope = NoopScopeManager().activate(span, finishOnClose: true)
        #expect(scope.span === span)
        #expect(!span.isFinished)
        scope.close()
        #expect(span.isFinished)
    }
}

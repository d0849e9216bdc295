import OTShim
import OTelModel
import OpenTracing
import Testing

@Suite("Close (OT-29)")
struct CloseTests {
    @Test("OT-29 close flushes and shuts the tracer provider down once; spans ended before are exported")
    func closeShutsDownOnce() async throws {
        let fixture = ShimFixture()
        fixture.tracer.startSpan("before close").finish()
        await fixture.tracer.close()
        await fixture.tracer.close()
        #expect(fixture.provider.isShutDown)
        #expect(fixture.exporter.shutdownCount == 1)
        #expect(fixture.exporter.finishedSpans.map(\.name) == ["before close"])
    }

    @Test("OT-29 errors raised while closing are swallowed")
    func closeSwallowsErrors() async throws {
        let exporter = FailingFlushExporter()
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let provider = OTelTracerProvider(
            resource: OTelResource(), processors: [OTelSimpleSpanProcessor(exporter: exporter, logger: logger)])
        let tracer = OpenTracingShim.makeTracer(provider: provider, configuration: .init(logger: logger))
        tracer.startSpan("before close").finish()
        await tracer.close()
        #expect(exporter.shutdowns.current == 1, "the exporter is shut down although its flush failed")
        #expect(exporter.exported.current == ["before close"])
        #expect(logs.all.contains { $0.message.contains("Flushing the span exporter during shutdown failed") })
    }

    @Test("OT-29 after close spans record nothing and are not exported; the API keeps working")
    func spansAfterCloseAreNoop() async throws {
        let fixture = ShimFixture()
        await fixture.tracer.close()
        let scope = fixture.tracer.startActiveSpan("after close", tags: ["k": "v"])
        scope.span.setTag("late", true)
        scope.span.log(event: "ignored")
        scope.span.setBaggageItem("still", "works")
        #expect(scope.span.baggageItem("still") == "works")
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(scope.span.context, format: .textMap, into: &carrier)
        #expect(carrier["baggage"] == "still=works")
        scope.close()
        let upstream = try fixture.tracer.extract(
            format: .httpHeaders,
            from: ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"]
        )
        let child = fixture.tracer.startSpan("child after close", childOf: upstream)
        var outgoing: [String: String] = [:]
        try fixture.tracer.inject(child.context, format: .httpHeaders, into: &outgoing)
        #expect(outgoing["traceparent"]?.hasPrefix("00-4bf92f3577b34da6a3ce929d0e0e4736-") == true)
        child.finish()
        #expect(fixture.exporter.finishedSpans.isEmpty)
    }

    @Test("flush exports what the pipeline holds without shutting it down")
    func flush() async throws {
        let fixture = ShimFixture()
        fixture.tracer.startSpan("flushed").finish()
        await fixture.tracer.flush()
        #expect(fixture.exporter.finishedSpans.map(\.name) == ["flushed"])
        #expect(!fixture.provider.isShutDown)
    }
}

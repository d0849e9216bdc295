import Testing

@testable import OTelModel

@Suite("Tracer provider and tracer")
struct TracerProviderTests {
    @Test("the same scope returns the same tracer; another version another")
    func tracerCache() {
        let provider = OTelTracerProvider(resource: OTelResource(), processors: [])
        let first = provider.tracer(name: "lib", version: "1")
        #expect(provider.tracer(name: "lib", version: "1") === first)
        #expect(provider.tracer(name: "lib", version: "2") !== first)
        #expect(first.instrumentationScope.name == "lib")
    }

    @Test("samplers see name, kind, attributes, links and the parent at start")
    func samplerInputs() throws {
        let sampler = ScriptedSampler(.recordAndSample)
        let fixture = TraceFixture(sampler: sampler)
        let parent = OTelSpanContext.stub(trace: 3, span: 4)
        let link = OTelSpanLink(context: .stub(trace: 8, span: 9))
        _ = fixture.tracer.startSpan("op", kind: .consumer, parent: parent, attributes: ["a": 1], links: [link])
        let call = try #require(sampler.recordedCalls.first)
        #expect(call.name == "op")
        #expect(call.kind == .consumer)
        #expect(call.parentContext == parent)
        #expect(call.traceID == parent.traceID)
        #expect(call.attributes == ["a": 1])
        #expect(call.links.map(\.context) == [link.context])
    }

    @Test("sampler attributes are added and its trace state is used")
    func samplerResultApplied() throws {
        let state = try #require(OTelTraceState(header: "vendor=value"))
        let fixture = TraceFixture(
            sampler: ScriptedSampler(.recordAndSample, attributes: ["sampler.rule": "x"], traceState: state))
        let span = fixture.tracer.startSpan("op", parent: .stub(), attributes: ["a": 1])
        #expect(span.attributes == ["a": 1, "sampler.rule": "x"])
        #expect(span.context.traceState == state)
    }

    @Test("a child inherits the parent's trace state when the sampler gives none")
    func traceStateInherited() throws {
        let fixture = TraceFixture()
        var parent = OTelSpanContext.stub()
        parent.traceState = try #require(OTelTraceState(header: "a=1"))
        let span = fixture.tracer.startSpan("op", parent: parent)
        #expect(span.context.traceState == parent.traceState)
    }

    @Test("processors receive recording spans; only sampled ones are exported")
    func recordOnlyReachesProcessorsNotExporters() async throws {
        let recorder = RecordingSpanProcessor()
        let exporter = OTelInMemorySpanExporter()
        let provider = OTelTracerProvider(
            resource: OTelResource(),
            sampler: ScriptedSampler(.recordOnly),
            processors: [recorder, OTelSimpleSpanProcessor(exporter: exporter)]
        )
        let span = provider.tracer(name: "t").startSpan("op", parent: nil)
        #expect(span.isRecording)
        #expect(!span.context.isSampled)
        span.end()
        try await provider.forceFlush()
        #expect(recorder.startedSpans.count == 1)
        #expect(recorder.endedSpans.map(\.name) == ["op"])
        #expect(exporter.finishedSpans.isEmpty)
        #expect(exporter.forceFlushCount == 1)
    }

    @Test("root spans from the random id generator carry the W3C random flag; children inherit it")
    func randomFlag() {
        let provider = OTelTracerProvider(resource: OTelResource(), processors: [])
        let tracer = provider.tracer(name: "t")
        let root = tracer.startSpan("root", parent: nil)
        #expect(root.context.traceFlags == [.sampled, .random])
        let child = tracer.startSpan("child", parent: root.context)
        #expect(child.context.traceFlags == [.sampled, .random])
        let fixture = TraceFixture()
        #expect(fixture.tracer.startSpan("op", parent: nil).context.traceFlags == .sampled)
    }

    @Test("forceFlush reaches every processor")
    func forceFlushAll() async throws {
        let first = RecordingSpanProcessor()
        let second = RecordingSpanProcessor()
        let provider = OTelTracerProvider(resource: OTelResource(), processors: [first, second])
        try await provider.forceFlush()
        #expect(first.flushCount == 1)
        #expect(second.flushCount == 1)
    }

    @Test("shutdown runs once; afterwards tracers start non-recording spans that keep the parent's context")
    func shutdownOnce() async throws {
        let fixture = TraceFixture()
        await fixture.provider.shutdown()
        await fixture.provider.shutdown()
        #expect(fixture.processor.shutdownCount == 1)
        #expect(fixture.provider.isShutDown)
        let parent = OTelSpanContext.stub()
        let span = fixture.tracer.startSpan("late", parent: parent)
        #expect(!span.isRecording)
        #expect(span.context == parent)
        let root = fixture.provider.tracer(name: "new").startSpan("late root", parent: nil)
        #expect(!root.context.isValid)
        try await fixture.provider.forceFlush()
        #expect(fixture.processor.flushCount == 0)
        #expect(fixture.processor.startedSpans.isEmpty)
    }
}

import Testing

@testable import OTelModel

@Suite("Simple span processor and in-memory exporter")
struct SimpleSpanProcessorTests {
    private func makeProvider(_ exporter: OTelInMemorySpanExporter, sampler: any OTelSampler = OTelAlwaysOnSampler())
        -> OTelTracerProvider
    {
        OTelTracerProvider(
            resource: OTelResource(),
            sampler: sampler,
            processors: [OTelSimpleSpanProcessor(exporter: exporter)],
            idGenerator: OTelIncrementingIDGenerator()
        )
    }

    @Test("each ended sampled span is exported on its own, in end order")
    func exportsEachSpan() async throws {
        let exporter = OTelInMemorySpanExporter()
        let provider = makeProvider(exporter)
        let tracer = provider.tracer(name: "t")
        for name in ["a", "b", "c"] { tracer.startSpan(name, parent: nil).end() }
        try await provider.forceFlush()
        #expect(exporter.finishedSpans.map(\.name) == ["a", "b", "c"])
        #expect(exporter.exportedBatchSizes == [1, 1, 1])
        #expect(exporter.forceFlushCount == 1)
    }

    @Test("unsampled spans are not exported")
    func skipsUnsampled() async throws {
        let exporter = OTelInMemorySpanExporter()
        let provider = makeProvider(exporter, sampler: OTelAlwaysOffSampler())
        provider.tracer(name: "t").startSpan("dropped", parent: nil).end()
        try await provider.forceFlush()
        #expect(exporter.finishedSpans.isEmpty)
    }

    @Test("shutdown exports pending spans, then shuts the exporter down once; later spans are ignored")
    func shutdown() async throws {
        let exporter = OTelInMemorySpanExporter()
        let provider = makeProvider(exporter)
        let tracer = provider.tracer(name: "t")
        let late = tracer.startSpan("late", parent: nil)
        tracer.startSpan("a", parent: nil).end()
        await provider.shutdown()
        late.end()
        #expect(exporter.finishedSpans.map(\.name) == ["a"])
        #expect(exporter.shutdownCount == 1)
        #expect(exporter.forceFlushCount == 1)
    }

    @Test("the in-memory exporter answers queries, resets, and refuses exports after shutdown")
    func inMemoryQueries() async throws {
        let exporter = OTelInMemorySpanExporter()
        let scope = OTelInstrumentationScope(name: "s")
        func span(_ name: String) -> OTelFinishedSpan {
            OTelFinishedSpan(context: .stub(), name: name, startTime: 1, endTime: 2, instrumentationScope: scope)
        }
        try await exporter.export([span("x"), span("y")])
        try await exporter.export([span("x")])
        #expect(exporter.spans(named: "x").count == 2)
        #expect(exporter.spans(named: "y").count == 1)
        #expect(exporter.exportedBatchSizes == [2, 1])
        exporter.reset()
        #expect(exporter.finishedSpans.isEmpty)
        await exporter.shutdown()
        await #expect(throws: OTelSpanExporterShutDownError()) { try await exporter.export([span("z")]) }
        #expect(exporter.shutdownCount == 1)
    }
}

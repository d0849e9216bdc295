import Testing

@testable import OTelModel

@Suite("Finished span origin: scope and resource shared per tracer")
struct FinishedSpanOriginTests {
    @Test("spans of one tracer share one origin object carrying its scope and the provider's resource")
    func sharedPerTracer() throws {
        let fixture = TraceFixture()
        fixture.tracer.startSpan("a", parent: nil).end()
        fixture.tracer.startSpan("b", parent: nil).end()
        let other = fixture.provider.tracer(name: "other-scope")
        other.startSpan("c", parent: nil).end()
        let ended = fixture.processor.endedSpans
        try #require(ended.count == 3)
        #expect(ended[0].origin === ended[1].origin)
        #expect(ended[0].origin !== ended[2].origin)
        #expect(ended[0].instrumentationScope.name == "fixture-scope")
        #expect(ended[0].instrumentationScope.version == "1.0")
        #expect(ended[2].instrumentationScope.name == "other-scope")
        #expect(ended[2].resource.attributes["service.name"] == "fixture")
    }

    @Test("changing a finished span's scope or resource changes that span only (value semantics)")
    func settersAreLocal() throws {
        let fixture = TraceFixture()
        fixture.tracer.startSpan("a", parent: nil).end()
        fixture.tracer.startSpan("b", parent: nil).end()
        var ended = fixture.processor.endedSpans
        try #require(ended.count == 2)
        ended[0].resource.attributes["service.name"] = "changed"
        ended[0].instrumentationScope.version = "2.0"
        #expect(ended[0].resource.attributes["service.name"] == "changed")
        #expect(ended[0].instrumentationScope.version == "2.0")
        #expect(ended[0].instrumentationScope.name == "fixture-scope")
        #expect(ended[1].resource.attributes["service.name"] == "fixture")
        #expect(ended[1].instrumentationScope.version == "1.0")
        #expect(ended[0].origin !== ended[1].origin)
    }

    @Test("a snapshot made with the public initializer reports the scope and resource it was given")
    func publicInitializer() {
        let span = OTelFinishedSpan(
            context: .stub(), name: "op", startTime: 1, endTime: 2,
            instrumentationScope: OTelInstrumentationScope(name: "s", version: "3"),
            resource: OTelResource(attributes: ["service.name": "svc"]))
        #expect(span.instrumentationScope.name == "s")
        #expect(span.instrumentationScope.version == "3")
        #expect(span.resource.attributes == ["service.name": "svc"])
    }
}

import Dispatch
import Testing

@testable import OTelModel

@Suite("Span")
struct SpanTests {
    @Test("status Ok is final")
    func okIsFinal() throws {
        let fixture = TraceFixture()
        let span = fixture.tracer.startSpan("op", parent: nil)
        span.setStatus(.ok)
        span.setStatus(.error(description: "late"))
        span.setStatus(.unset)
        span.end()
        #expect(try #require(fixture.onlyEnded).status == .ok)
    }

    @Test("setting status Unset is ignored; a later Error replaces an earlier one")
    func unsetIgnoredErrorReplaced() {
        let fixture = TraceFixture()
        let span = fixture.tracer.startSpan("op", parent: nil)
        span.setStatus(.error(description: "first"))
        span.setStatus(.unset)
        #expect(span.status == .error(description: "first"))
        span.setStatus(.error(description: "second"))
        #expect(span.status == .error(description: "second"))
        span.setStatus(.ok)
        #expect(span.status == .ok)
    }

    @Test("end takes effect once")
    func endOnce() throws {
        let fixture = TraceFixture()
        let span = fixture.tracer.startSpan("op", parent: nil, startTime: 10)
        #expect(span.isRecording)
        span.end(at: 20)
        span.end(at: 30)
        #expect(!span.isRecording)
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.startTime == 10)
        #expect(finished.endTime == 20)
        #expect(span.endTime == 20)
        #expect(fixture.provider.ignoredMutationCount == 1)
    }

    @Test("end takes effect once when threads race to end the span")
    func concurrentEndOnce() {
        let fixture = TraceFixture()
        let spans = (0..<200).map { fixture.tracer.startSpan("op\($0)", parent: nil) }
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for span in spans { span.end() }
        }
        #expect(fixture.processor.endedSpans.count == 200)
        #expect(fixture.provider.ignoredMutationCount == 200 * 7)
    }

    @Test("mutations after end are ignored and counted")
    func mutationsAfterEnd() throws {
        let fixture = TraceFixture()
        let span = fixture.tracer.startSpan("op", kind: .client, parent: nil, attributes: ["a": 1])
        span.end()
        span.updateName("renamed")
        span.setKind(.server)
        span.setAttribute("b", 2)
        span.setAttributes(["c": 3])
        span.addEvent("event")
        span.addLink(OTelSpanLink(context: .stub()))
        span.setStatus(.error(description: "late"))
        #expect(fixture.provider.ignoredMutationCount == 7)
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.name == "op")
        #expect(finished.kind == .client)
        #expect(finished.attributes == ["a": 1])
        #expect(finished.events.isEmpty)
        #expect(finished.links.isEmpty)
        #expect(finished.status == .unset)
        #expect(span.name == "op")
        #expect(span.attributes == ["a": 1])
    }

    @Test("kind settable until end")
    func kindUntilEnd() throws {
        let fixture = TraceFixture()
        let span = fixture.tracer.startSpan("op", parent: nil)
        #expect(span.kind == .internal)
        span.setKind(.producer)
        #expect(span.kind == .producer)
        span.end()
        span.setKind(.consumer)
        #expect(try #require(fixture.onlyEnded).kind == .producer)
    }

    @Test("the name is updatable before end")
    func updateName() throws {
        let fixture = TraceFixture()
        let span = fixture.tracer.startSpan("first", parent: nil)
        span.updateName("second")
        span.end()
        #expect(try #require(fixture.onlyEnded).name == "second")
    }

    @Test("times come from the injected clock unless given explicitly")
    func clockAndExplicitTimes() throws {
        let fixture = TraceFixture()
        fixture.clock.advance(by: 500)  // now 1500
        let span = fixture.tracer.startSpan("op", parent: nil)
        fixture.clock.advance(by: 100)  // now 1600
        span.addEvent("implicit")
        span.addEvent("explicit", at: 1_550)
        fixture.clock.advance(by: 100)  // now 1700
        span.end()
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.startTime == 1_500)
        #expect(finished.endTime == 1_700)
        #expect(finished.events.map(\.time) == [1_600, 1_550])
        #expect(finished.events.map(\.name) == ["implicit", "explicit"])
    }

    @Test("the snapshot carries ids, parent, scope, resource, attributes, events, links and status")
    func snapshotFields() throws {
        let fixture = TraceFixture()
        let parent = OTelSpanContext.stub(trace: 7, span: 9, remote: true)
        let linked = OTelSpanContext.stub(trace: 42, span: 43)
        let span = fixture.tracer.startSpan(
            "op",
            kind: .server,
            parent: parent,
            attributes: ["http.method": "GET"],
            links: [OTelSpanLink(context: linked, attributes: ["why": "retry"])]
        )
        span.setAttribute("http.status_code", 200)
        span.addEvent("cache.miss", attributes: ["key": "k1"])
        span.setStatus(.error(description: "boom"))
        span.end()
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.context.traceID == parent.traceID)
        #expect(finished.context.spanID == SpanID(value: 1))
        #expect(finished.context.isSampled)
        #expect(!finished.context.isRemote)
        #expect(finished.parentSpanID == parent.spanID)
        #expect(finished.parentIsRemote)
        #expect(finished.kind == .server)
        #expect(finished.attributes == ["http.method": "GET", "http.status_code": 200])
        #expect(finished.events.count == 1)
        #expect(finished.events.first?.attributes == ["key": "k1"])
        #expect(finished.links.first?.context == linked)
        #expect(finished.links.first?.attributes == ["why": "retry"])
        #expect(finished.status == .error(description: "boom"))
        #expect(finished.instrumentationScope.name == "fixture-scope")
        #expect(finished.instrumentationScope.version == "1.0")
        #expect(finished.resource.attributes["service.name"] == "fixture")
    }

    @Test("a root span gets a new trace id and no parent; a child keeps the trace id and records its parent")
    func rootAndChild() throws {
        let fixture = TraceFixture()
        let root = fixture.tracer.startSpan("root", parent: nil)
        let child = fixture.tracer.startSpan("child", parent: root.context)
        #expect(root.context.traceID == TraceID(high: 0, low: 1))
        #expect(root.parentSpanID == nil)
        #expect(child.context.traceID == root.context.traceID)
        #expect(child.context.spanID != root.context.spanID)
        #expect(child.parentSpanID == root.context.spanID)
        #expect(!child.parentIsRemote)
        #expect(fixture.processor.startParents.map { $0?.spanID } == [nil, root.context.spanID])
    }

    @Test("an invalid parent context starts a new trace")
    func invalidParentIsRoot() {
        let fixture = TraceFixture()
        let span = fixture.tracer.startSpan("op", parent: .invalid)
        #expect(span.context.isValid)
        #expect(span.parentSpanID == nil)
    }

    @Test("attributes beyond the count limit are dropped and counted; long strings are truncated")
    func attributeLimits() throws {
        let limits = OTelSpanLimits(attributes: OTelAttributeLimits(countLimit: 2, valueLengthLimit: 3))
        let fixture = TraceFixture(spanLimits: limits)
        let span = fixture.tracer.startSpan("op", parent: nil, attributes: ["a": "abcdef", "b": 2, "c": 3])
        span.setAttribute("d", 4)
        span.setAttribute("a", "xyzw")
        span.end()
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.attributes.map(\.key) == ["a", "b"])
        #expect(finished.attributes["a"] == "xyz")
        #expect(finished.attributes["b"] == 2)
        #expect(finished.droppedAttributeCount == 2)
    }

    @Test("events and links beyond their limits are dropped and counted, as are their extra attributes")
    func eventAndLinkLimits() throws {
        let limits = OTelSpanLimits(
            eventCountLimit: 2,
            linkCountLimit: 1,
            attributePerEventCountLimit: 1,
            attributePerLinkCountLimit: 1
        )
        let fixture = TraceFixture(spanLimits: limits)
        let span = fixture.tracer.startSpan(
            "op",
            parent: nil,
            links: [
                OTelSpanLink(context: .stub(span: 1), attributes: ["x": 1, "y": 2]),
                OTelSpanLink(context: .stub(span: 2)),
            ]
        )
        span.addLink(OTelSpanLink(context: .stub(span: 3)))
        span.addEvent("e1", attributes: ["p": 1, "q": 2, "r": 3])
        span.addEvent("e2")
        span.addEvent("e3")
        span.end()
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.links.map(\.context.spanID) == [SpanID(value: 1)])
        #expect(finished.droppedLinkCount == 2)
        #expect(finished.links[0].attributes.count == 1)
        #expect(finished.links[0].attributes.droppedCount == 1)
        #expect(finished.events.map(\.name) == ["e1", "e2"])
        #expect(finished.droppedEventCount == 1)
        #expect(finished.events[0].attributes.count == 1)
        #expect(finished.events[0].attributes.droppedCount == 2)
    }

    @Test("unsampled span has a valid propagatable context and records nothing")
    func unsampledSpan() {
        let fixture = TraceFixture(sampler: OTelAlwaysOffSampler())
        let parent = OTelSpanContext.stub(trace: 5, span: 6, sampled: false, remote: true)
        let span = fixture.tracer.startSpan("op", parent: parent, attributes: ["a": 1])
        #expect(span.context.isValid)
        #expect(span.context.traceID == parent.traceID)
        #expect(span.context.spanID == SpanID(value: 1))
        #expect(!span.context.isSampled)
        #expect(!span.isRecording)
        #expect(span.recording == nil)
        span.setAttribute("b", 2)
        span.addEvent("e")
        span.setStatus(.ok)
        span.end()
        #expect(span.name == "")
        #expect(span.attributes.isEmpty)
        #expect(span.status == .unset)
        #expect(fixture.processor.startedSpans.isEmpty)
        #expect(fixture.processor.endedSpans.isEmpty)
        #expect(fixture.provider.ignoredMutationCount == 0)
    }

    @Test("a dropped root span still gets a new valid trace id and span id")
    func unsampledRoot() {
        let fixture = TraceFixture(sampler: OTelAlwaysOffSampler())
        let span = fixture.tracer.startSpan("op", parent: nil)
        #expect(span.context.traceID == TraceID(high: 0, low: 1))
        #expect(span.context.spanID == SpanID(value: 1))
        #expect(!span.context.isSampled)
    }

    @Test("a wrapped span context is a non-recording span that carries it")
    func wrappedContext() {
        let context = OTelSpanContext.stub(remote: true)
        let span = OTelSpan(nonRecording: context)
        #expect(span.context == context)
        #expect(!span.isRecording)
        span.end()
        #expect(span.endTime == nil)
    }
}

import Dispatch
import Testing

@testable import OTelModel

@Suite("Recording span: one object, its lock, and what it answers after end")
struct RecordingSpanTests {
    @Test("a recording span is one RecordingSpan object; a non-recording span is a plain OTelSpan")
    func objectKinds() {
        let sampled = TraceFixture().tracer.startSpan("op", parent: nil)
        let dropped = TraceFixture(sampler: OTelAlwaysOffSampler()).tracer.startSpan("op", parent: nil)
        #expect(sampled is RecordingSpan)
        #expect(sampled.recording === sampled)
        #expect(!(dropped is RecordingSpan))
        #expect(dropped.recording == nil)
    }

    @Test("mutations racing on several threads are all applied, none lost (the span lock excludes writers)")
    func concurrentMutations() throws {
        let limits = OTelSpanLimits(attributes: OTelAttributeLimits(countLimit: 10_000), eventCountLimit: 10_000)
        let fixture = TraceFixture(spanLimits: limits)
        let span = fixture.tracer.startSpan("op", parent: nil)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for item in 0..<100 {
                span.setAttribute("t\(thread).a\(item)", .int(Int64(item)))
                if item % 10 == 0 { span.addEvent("t\(thread).e\(item)") }
                _ = span.attributes.count
            }
        }
        span.end()
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.attributes.count == 800)
        #expect(finished.attributes["t7.a99"] == .int(99))
        #expect(finished.events.count == 80)
        #expect(Set(finished.events.map(\.name)).count == 80)
    }

    @Test("mutations racing with end are either in the finished span or counted as ignored, never both or neither")
    func mutationsRacingEnd() throws {
        let fixture = TraceFixture()
        let spans = (0..<50).map { fixture.tracer.startSpan("op\($0)", parent: nil) }
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for span in spans {
                if thread == 0 { span.end() } else { span.setAttribute("t\(thread)", true) }
            }
        }
        let ended = fixture.processor.endedSpans
        #expect(ended.count == 50)
        let applied = ended.reduce(0) { $0 + $1.attributes.count }
        #expect(applied + fixture.provider.ignoredMutationCount == 50 * 3)
    }

    @Test("after end the span still reports its name, kind, attributes, status and times; not recording")
    func readsAfterEnd() {
        let fixture = TraceFixture()
        let span = fixture.tracer.startSpan("op", kind: .server, parent: nil, attributes: ["a": 1], startTime: 5)
        span.addEvent("e", at: 6)
        span.setStatus(.error(description: "boom"))
        span.end(at: 9)
        #expect(!span.isRecording)
        #expect(span.name == "op")
        #expect(span.kind == .server)
        #expect(span.attributes == ["a": 1])
        #expect(span.status == .error(description: "boom"))
        #expect(span.startTime == 5)
        #expect(span.endTime == 9)
        // Events and links moved to the finished span.
        #expect(span.events.isEmpty)
        #expect(fixture.processor.endedSpans.first?.events.map(\.name) == ["e"])
    }
}

import Testing

@testable import OTelModel

@Suite("Span event list: the first event inline, the rest in an array")
struct SpanEventListTests {
    private func event(_ name: String) -> OTelSpanEvent {
        OTelSpanEvent(name: name, time: UInt64(name.utf8.count), attributes: ["name": .string(name)])
    }

    @Test("appending keeps every event in order through 0 → 1 (inline) → 2 → 3 events")
    func appendTransitions() {
        var list = OTelSpanEventList()
        #expect(list.isEmpty)
        #expect(list.array.isEmpty)
        list.append(event("a"))
        #expect(list.count == 1)
        #expect(list.map(\.name) == ["a"])
        #expect(list.array.map(\.name) == ["a"])
        list.append(event("bb"))
        #expect(list.map(\.name) == ["a", "bb"])
        list.append(event("ccc"))
        #expect(list.count == 3)
        #expect(list.map(\.name) == ["a", "bb", "ccc"])
        #expect(list.reversed().map(\.name) == ["ccc", "bb", "a"])
        #expect(list[2].attributes == ["name": "ccc"])
        #expect(list[0].time == 1)
    }

    @Test("an appended-to copy leaves the original unchanged (value semantics)")
    func valueSemantics() {
        var original = OTelSpanEventList()
        original.append(event("a"))
        original.append(event("b"))
        var copy = original
        copy.append(event("c"))
        #expect(original.map(\.name) == ["a", "b"])
        #expect(copy.map(\.name) == ["a", "b", "c"])
    }

    @Test("an array given to the finished span is kept as is and read back unchanged")
    func arrayRoundTrip() {
        let events = [event("a"), event("b")]
        var span = OTelFinishedSpan(
            context: .stub(), name: "op", startTime: 1, endTime: 2, events: events,
            instrumentationScope: OTelInstrumentationScope(name: "scope"))
        #expect(span.events.map(\.name) == ["a", "b"])
        #expect(span.eventList.map(\.name) == ["a", "b"])
        span.events.append(event("c"))
        #expect(span.events.map(\.name) == ["a", "b", "c"])
        span.events = []
        #expect(span.eventList.isEmpty)
    }

    @Test("a recorded span with one event reports it in events and eventList")
    func recordedSingleEvent() throws {
        let fixture = TraceFixture()
        let span = fixture.tracer.startSpan("op", parent: nil)
        span.addEvent("only", attributes: ["k": 1], at: 7)
        #expect(span.events.map(\.name) == ["only"])
        span.end()
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.events.map(\.name) == ["only"])
        #expect(finished.events.first?.attributes == ["k": 1])
        #expect(finished.eventList.map(\.time) == [7])
    }

    @Test("the event count limit counts the inline first event: limit 1 keeps it and drops the rest")
    func limitWithInlineEvent() throws {
        let fixture = TraceFixture(spanLimits: OTelSpanLimits(eventCountLimit: 1))
        let span = fixture.tracer.startSpan("op", parent: nil)
        span.addEvent("kept")
        span.addEvent("dropped")
        span.addEvent("dropped too")
        span.end()
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.events.map(\.name) == ["kept"])
        #expect(finished.droppedEventCount == 2)
    }

    @Test("withEvents lends 0, 1 (inline) and several events in order, without building an array")
    func withEventsLendsAll() {
        var list = OTelSpanEventList()
        #expect(list.withEvents { $0.count } == 0)
        list.append(event("a"))
        #expect(list.withEvents { $0.map(\.name) } == ["a"])
        list.append(event("bb"))
        list.append(event("ccc"))
        #expect(list.withEvents { $0.reversed().map(\.name) } == ["ccc", "bb", "a"])
        #expect(OTelSpanEventList([event("x"), event("y")]).withEvents { $0.map(\.time) } == [1, 1])
    }
}

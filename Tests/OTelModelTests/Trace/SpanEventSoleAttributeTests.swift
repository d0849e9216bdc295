import Testing

@testable import OTelModel

@Suite("Span events holding a single attribute without an array")
struct SpanEventSoleAttributeTests {
    /// The event the general path records: a one-attribute collection, frozen under the per-event limits.
    private func fromCollection(_ key: String, _ value: OTelAttributeValue, _ limits: OTelAttributeLimits)
        -> OTelSpanEvent
    {
        var attributes = OTelAttributes()
        attributes.updateValue(value, forKey: key)
        return OTelSpanEvent(name: "e", time: 5, attributes: attributes.frozen(under: limits))
    }

    private func lentEntries(_ event: OTelSpanEvent) -> [String] {
        event.withAttributeEntries { entries in entries.map { "\($0.key)=\($0.value)" } }
    }

    @Test(
        "a sole attribute gives the attributes, limits, dropped count and entries of a one-attribute collection, under every kind of limit",
        arguments: [
            ("event", OTelAttributeValue.string("cache miss"), OTelAttributeLimits.unlimited),
            ("event", .string("cache miss"), OTelAttributeLimits()),
            ("n", .int(3), OTelAttributeLimits(countLimit: 1)),
            ("long", .string("abcdef"), OTelAttributeLimits(valueLengthLimit: 3)),
            ("tags", .stringArray(["abcdef", "x"]), OTelAttributeLimits(valueLengthLimit: 2)),
            ("ok", .bool(true), OTelAttributeLimits(valueLengthLimit: 2)),
            ("dropped", .string("v"), OTelAttributeLimits(countLimit: 0)),
            ("", .string("empty key"), OTelAttributeLimits.unlimited),
            ("", .string("empty key"), OTelAttributeLimits(valueLengthLimit: 2)),
        ]
    )
    func sameAsCollection(key: String, value: OTelAttributeValue, limits: OTelAttributeLimits) {
        let sole = OTelSpanEvent.withAttribute(name: "e", time: 5, key: key, value: value, limits: limits)
        let general = fromCollection(key, value, limits)
        #expect(sole.name == general.name)
        #expect(sole.time == general.time)
        #expect(sole.attributes == general.attributes)
        #expect(sole.attributes.limits == general.attributes.limits)
        #expect(sole.attributes.droppedCount == general.attributes.droppedCount)
        #expect(sole.droppedAttributeCount == general.attributes.droppedCount)
        #expect(Array(sole.attributes.map(\.key)) == Array(general.attributes.map(\.key)))
        #expect(lentEntries(sole) == lentEntries(general))
    }

    @Test("the truncated sole value is what the collection keeps; a dropped one is counted")
    func truncationAndDrop() {
        let truncated = OTelSpanEvent.withAttribute(
            name: "e", time: 1, key: "k", value: "abcdef", limits: OTelAttributeLimits(valueLengthLimit: 3))
        #expect(lentEntries(truncated) == ["k=abc"])
        #expect(truncated.attributes == ["k": "abc"])
        let dropped = OTelSpanEvent.withAttribute(
            name: "e", time: 1, key: "k", value: "v", limits: OTelAttributeLimits(countLimit: 0))
        #expect(lentEntries(dropped).isEmpty)
        #expect(dropped.droppedAttributeCount == 1)
        #expect(dropped.attributes.isEmpty)
    }

    @Test("events made from a collection lend every attribute in order and report its dropped count")
    func collectionEntries() {
        var attributes = OTelAttributes(limits: OTelAttributeLimits(countLimit: 2))
        attributes.updateValue("1", forKey: "a")
        attributes.updateValue("2", forKey: "b")
        attributes.updateValue("3", forKey: "c")
        let event = OTelSpanEvent(name: "e", time: 1, attributes: attributes)
        #expect(lentEntries(event) == ["a=1", "b=2"])
        #expect(event.droppedAttributeCount == 1)
        #expect(lentEntries(OTelSpanEvent(name: "e", time: 1)).isEmpty)
    }

    @Test("changing attributes through the property keeps the sole attribute; assigning replaces it")
    func mutationThroughAttributes() {
        var event = OTelSpanEvent.withAttribute(name: "e", time: 1, key: "a", value: 1, limits: .unlimited)
        event.attributes["b"] = 2
        #expect(event.attributes == ["a": 1, "b": 2])
        #expect(lentEntries(event) == ["a=1", "b=2"])
        event.attributes = ["c": 3]
        #expect(lentEntries(event) == ["c=3"])
        event.attributes = [:]
        #expect(event.attributes.isEmpty)
        #expect(lentEntries(event).isEmpty)
    }

    @Test("addEvent with one attribute records the event a one-attribute collection does, under the span limits")
    func throughSpan() throws {
        let limits = OTelSpanLimits(
            attributes: OTelAttributeLimits(valueLengthLimit: 4), eventCountLimit: 2, attributePerEventCountLimit: 5)
        let fixture = TraceFixture(spanLimits: limits)
        let span = fixture.tracer.startSpan("op", parent: nil)
        span.addEvent("sole", attribute: "k", "value long", at: 1)
        span.addEvent("collection", attributes: ["k": "value long"], at: 1)
        span.addEvent("over the limit", attribute: "k", 1, at: 2)
        span.end()
        span.addEvent("after end", attribute: "k", 1, at: 3)
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.events.map(\.name) == ["sole", "collection"])
        #expect(finished.droppedEventCount == 1)
        let sole = finished.events[0]
        let collection = finished.events[1]
        #expect(sole.time == 1)
        #expect(sole.attributes == ["k": "valu"])
        #expect(sole.attributes == collection.attributes)
        #expect(sole.attributes.limits == collection.attributes.limits)
        #expect(fixture.provider.ignoredMutationCount == 1)
    }

    @Test("addEvent with one attribute reads the provider's clock without a time and ignores a non-recording span")
    func clockAndNonRecording() throws {
        let fixture = TraceFixture()
        fixture.clock.advance(by: 42)
        let span = fixture.tracer.startSpan("op", parent: nil)
        span.addEvent("now", attribute: "k", true, at: nil)
        span.end()
        let finished = try #require(fixture.onlyEnded)
        #expect(finished.events.map(\.time) == [fixture.clock.nanosecondsSinceEpoch()])
        let nonRecording = OTelSpan(nonRecording: .stub())
        nonRecording.addEvent("ignored", attribute: "k", true, at: 1)
        #expect(nonRecording.events.isEmpty)
    }
}

import Testing

@testable import OTelModel

@Suite("Span context, baggage, scope and resource values")
struct ModelValueTests {
    @Test("a span context is valid only when both ids are valid")
    func spanContextValidity() throws {
        let traceID = try #require(TraceID(hexString: "4bf92f3577b34da6a3ce929d0e0e4736"))
        let spanID = try #require(SpanID(hexString: "00f067aa0ba902b7"))
        #expect(OTelSpanContext(traceID: traceID, spanID: spanID).isValid)
        #expect(!OTelSpanContext(traceID: traceID, spanID: .invalid).isValid)
        #expect(!OTelSpanContext(traceID: .invalid, spanID: spanID).isValid)
        #expect(!OTelSpanContext.invalid.isValid)
    }

    @Test("the sampled flag is bit 0x01 and random is bit 0x02")
    func traceFlags() {
        #expect(OTelTraceFlags.sampled.rawValue == 0x01)
        #expect(OTelTraceFlags.random.rawValue == 0x02)
        let context = OTelSpanContext(traceID: .invalid, spanID: .invalid, traceFlags: [.sampled, .random])
        #expect(context.isSampled)
        #expect(context.traceFlags.rawValue == 0x03)
        #expect(!OTelSpanContext.invalid.isSampled)
    }

    @Test("baggage names and values are case-sensitive, one value per name")
    func baggageCaseSensitive() {
        let baggage = OTelBaggage().setting(name: "Key", value: "A").setting(name: "key", value: "b")
        #expect(baggage.count == 2)
        #expect(baggage["Key"] == "A")
        #expect(baggage["key"] == "b")
        let replaced = baggage.setting(name: "Key", value: "C", metadata: "p=1")
        #expect(replaced.count == 2)
        #expect(replaced.entry(named: "Key") == OTelBaggage.Entry(name: "Key", value: "C", metadata: "p=1"))
        #expect(replaced.map(\.name) == ["Key", "key"])
        #expect(baggage["Key"] == "A")
    }

    @Test("removing a baggage entry returns a copy without it")
    func baggageRemoving() {
        let baggage = OTelBaggage([
            .init(name: "a", value: "1"), .init(name: "b", value: "2"), .init(name: "a", value: "3"),
        ])
        #expect(baggage.count == 2)
        #expect(baggage["a"] == "3")
        #expect(baggage.removing(name: "a").map(\.name) == ["b"])
        #expect(baggage.count == 2)
    }

    @Test("instrumentation scopes are identified by name, version and schema URL, not attributes")
    func scopeIdentity() {
        let a = OTelInstrumentationScope(name: "lib", version: "1.0", attributes: ["x": 1])
        let b = OTelInstrumentationScope(name: "lib", version: "1.0")
        let c = OTelInstrumentationScope(name: "lib", version: "2.0")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != c)
    }

    @Test("merging resources lets the argument win on collisions")
    func resourceMerge() {
        let base = OTelResource(attributes: ["service.name": "a", "host.name": "h"], schemaURL: "s1")
        let merged = base.merging(OTelResource(attributes: ["service.name": "b"]))
        #expect(merged.attributes == ["service.name": "b", "host.name": "h"])
        #expect(merged.schemaURL == "s1")
    }
}

import Testing

@testable import OTelModel

@Suite("Jaeger propagator")
struct JaegerPropagatorTests {
    let propagator = OTelJaegerPropagator()

    @Test("uber-trace-id with full-length ids extracts ids and the sampled flag")
    func fullLength() {
        let context = propagator.extract(
            from: ["uber-trace-id": "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1"] as OTelHeaderFields
        )
        #expect(context.spanContext.traceID == PropagationFixtures.traceID)
        #expect(context.spanContext.spanID == PropagationFixtures.spanID)
        #expect(context.spanContext.isSampled)
        #expect(context.spanContext.isRemote)
        #expect(!context.isDebug)
    }

    @Test("unpadded hex ids are left-padded with zeros")
    func unpadded() {
        let context = propagator.extract(from: ["Uber-Trace-Id": "abc:de:0:0"] as OTelHeaderFields)
        #expect(context.spanContext.traceID.hexString == "00000000000000000000000000000abc")
        #expect(context.spanContext.spanID.hexString == "00000000000000de")
        #expect(!context.spanContext.isSampled)
    }

    @Test("a value with %3A instead of : is URL-decoded first")
    func urlEncoded() {
        let context = propagator.extract(
            from: ["uber-trace-id": "4bf92f3577b34da6a3ce929d0e0e4736%3A00f067aa0ba902b7%3A0%3A1"] as OTelHeaderFields
        )
        #expect(context.spanContext.traceID == PropagationFixtures.traceID)
        #expect(context.spanContext.isSampled)
    }

    @Test(
        "flag 0x02 is debug and implies sampled; other bits are ignored",
        arguments: [
            ("1", true, false), ("0", false, false), ("2", true, true), ("3", true, true), ("8", false, false),
            ("09", true, false),
        ]
    )
    func flags(_ flags: String, _ sampled: Bool, _ debug: Bool) {
        let context = propagator.extract(from: ["uber-trace-id": "abc:def:0:" + flags] as OTelHeaderFields)
        #expect(context.spanContext.isSampled == sampled)
        #expect(context.isDebug == debug)
    }

    @Test("uberctx- headers become baggage with URL-decoded values and lowercased names")
    func baggage() {
        let context = propagator.extract(
            from: [
                "uber-trace-id": "abc:def:0:1", "uberctx-User-Id": "alice%20smith", "UBERCTX-plus": "a+b",
                "uberctx-": "ignored",
            ] as OTelHeaderFields
        )
        #expect(context.baggage["user-id"] == "alice smith")
        #expect(context.baggage["plus"] == "a b")
        #expect(context.baggage.count == 2)
    }

    @Test("jaeger-baggage carries comma-separated key=value pairs")
    func jaegerBaggageHeader() {
        let context = propagator.extract(from: ["jaeger-baggage": "k1=v1, k2=v2"] as OTelHeaderFields)
        #expect(context.baggage["k1"] == "v1")
        #expect(context.baggage["k2"] == "v2")
    }

    @Test("jaeger-debug-id without uber-trace-id yields an invalid but sampled, debug context")
    func debugID() {
        let context = propagator.extract(from: ["jaeger-debug-id": "some-correlation-id"] as OTelHeaderFields)
        #expect(!context.spanContext.isValid)
        #expect(context.spanContext.isSampled)
        #expect(context.isDebug)
    }

    @Test("inject writes trace:span:0:flags with zero-padded ids, and uberctx- baggage URL-encoded")
    func inject() {
        var source = PropagationFixtures.sampledContext(baggage: OTelBaggage().setting(name: "User", value: "a b/ü"))
        var headers = OTelHeaderFields()
        propagator.inject(source, into: &headers)
        #expect(headers["uber-trace-id"] == "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1")
        #expect(headers["uberctx-user"] == "a%20b%2F%C3%BC")
        source.isDebug = true
        propagator.inject(source, into: &headers)
        #expect(headers["uber-trace-id"] == "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:3")
        #expect(propagator.fields == ["uber-trace-id"])
    }

    @Test("a round trip keeps ids, sampled, debug and baggage")
    func roundTrip() {
        var source = PropagationFixtures.sampledContext(baggage: OTelBaggage().setting(name: "k", value: "v w%"))
        source.isDebug = true
        var headers = OTelHeaderFields()
        propagator.inject(source, into: &headers)
        var expected = source
        expected.spanContext.isRemote = true
        #expect(propagator.extract(from: headers) == expected)
    }

    static let malformed: [String] = [
        "", ":::", "abc:def:0", "abc:def:0:1:extra", "abc::0:1", ":def:0:1", "abc:def:0:", "abc:def:0:100",
        "xyz:def:0:1", "abc:xyz:0:1", "abc:def:xyz:1", "abc:def:0:z", "0:def:0:1", "abc:0:0:1",
        String(repeating: "a", count: 33) + ":def:0:1", "abc:" + String(repeating: "d", count: 17) + ":0:1",
        "abc%3Adef%3A0", "abc%zzdef", "abc-def-0-1",
    ]

    @Test("a malformed uber-trace-id leaves the span context unchanged", arguments: malformed)
    func malformedHeader(_ header: String) {
        #expect(
            PropagationFixtures.extractOverSentinel(propagator, ["uber-trace-id": header])
                == PropagationFixtures.sentinel
        )
    }

    @Test("jaeger-debug-id does not replace a valid extracted context")
    func debugIDDoesNotOverride() {
        let context = PropagationFixtures.extractOverSentinel(propagator, ["jaeger-debug-id": "x"])
        #expect(context == PropagationFixtures.sentinel)
    }
}

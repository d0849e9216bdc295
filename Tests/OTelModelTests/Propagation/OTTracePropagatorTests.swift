import Testing

@testable import OTelModel

@Suite("OT trace propagator")
struct OTTracePropagatorTests {
    let propagator = OTelOTTracePropagator()

    @Test("extracts 32- and 16-digit trace ids (left-padded), the span id and sampled")
    func extract() {
        let full = propagator.extract(
            from: [
                "ot-tracer-traceid": "4bf92f3577b34da6a3ce929d0e0e4736", "ot-tracer-spanid": "00f067aa0ba902b7",
                "ot-tracer-sampled": "true",
            ] as OTelHeaderFields
        )
        #expect(full.spanContext.traceID == PropagationFixtures.traceID)
        #expect(full.spanContext.spanID == PropagationFixtures.spanID)
        #expect(full.spanContext.isSampled && full.spanContext.isRemote)
        let short = propagator.extract(
            from: [
                "OT-Tracer-TraceId": "a3ce929d0e0e4736", "OT-Tracer-SpanId": "00f067aa0ba902b7",
                "OT-Tracer-Sampled": "0",
            ] as OTelHeaderFields
        )
        #expect(short.spanContext.traceID.hexString == "0000000000000000a3ce929d0e0e4736")
        #expect(!short.spanContext.isSampled)
    }

    @Test(
        "sampled accepts true, false, 1 and 0",
        arguments: [("true", true), ("TRUE", true), ("1", true), ("false", false), ("0", false)]
    )
    func sampledValues(_ value: String, _ sampled: Bool) {
        let context = propagator.extract(
            from: [
                "ot-tracer-traceid": "a3ce929d0e0e4736", "ot-tracer-spanid": "00f067aa0ba902b7",
                "ot-tracer-sampled": value,
            ] as OTelHeaderFields
        )
        #expect(context.spanContext.isValid)
        #expect(context.spanContext.isSampled == sampled)
    }

    @Test("inject writes the right-most 16 hex digits of the trace id, the span id, true/false and ot-baggage-")
    func inject() {
        var headers = OTelHeaderFields()
        propagator.inject(
            PropagationFixtures.sampledContext(baggage: OTelBaggage().setting(name: "User", value: "alice")),
            into: &headers
        )
        #expect(headers["ot-tracer-traceid"] == "a3ce929d0e0e4736")
        #expect(headers["ot-tracer-spanid"] == "00f067aa0ba902b7")
        #expect(headers["ot-tracer-sampled"] == "true")
        #expect(headers["ot-baggage-user"] == "alice")
    }

    @Test("a round trip keeps the low 64 bits of the trace id, the span id, sampled and baggage")
    func roundTrip() {
        var headers = OTelHeaderFields()
        let baggage = OTelBaggage().setting(name: "k", value: "v")
        propagator.inject(PropagationFixtures.sampledContext(baggage: baggage), into: &headers)
        let context = propagator.extract(from: headers)
        #expect(context.spanContext.traceID.hexString == "0000000000000000a3ce929d0e0e4736")
        #expect(context.spanContext.spanID == PropagationFixtures.spanID)
        #expect(context.spanContext.isSampled)
        #expect(context.baggage == baggage)
    }

    static let malformed: [[String: String]] = [
        ["ot-tracer-traceid": "a3ce929d0e0e4736"],
        ["ot-tracer-spanid": "00f067aa0ba902b7"],
        ["ot-tracer-traceid": "a3ce929d0e0e473", "ot-tracer-spanid": "00f067aa0ba902b7"],
        ["ot-tracer-traceid": "a3ce929d0e0e4736a", "ot-tracer-spanid": "00f067aa0ba902b7"],
        ["ot-tracer-traceid": "a3ce929d0e0e47zz", "ot-tracer-spanid": "00f067aa0ba902b7"],
        ["ot-tracer-traceid": "0000000000000000", "ot-tracer-spanid": "00f067aa0ba902b7"],
        ["ot-tracer-traceid": "a3ce929d0e0e4736", "ot-tracer-spanid": "0000000000000000"],
        ["ot-tracer-traceid": "a3ce929d0e0e4736", "ot-tracer-spanid": "00f067aa-0ba902b7"],
        [
            "ot-tracer-traceid": "a3ce929d0e0e4736", "ot-tracer-spanid": "00f067aa0ba902b7",
            "ot-tracer-sampled": "maybe",
        ],
        ["ot-tracer-traceid": "", "ot-tracer-spanid": ""],
        ["ot-tracer-traceid": String(repeating: "a", count: 100_000), "ot-tracer-spanid": "00f067aa0ba902b7"],
    ]

    @Test("malformed ot-tracer headers leave the span context unchanged", arguments: malformed)
    func malformedHeaders(_ headers: [String: String]) {
        var context = PropagationFixtures.sentinel
        propagator.extract(from: headers, into: &context)
        #expect(context == PropagationFixtures.sentinel)
    }
}

import Testing

@testable import OTelModel

@Suite("B3 propagator")
struct B3PropagatorTests {
    let single = OTelB3Propagator()
    let multi = OTelB3Propagator(injectEncoding: .multipleHeaders)

    @Test("the README single-header example extracts ids and the sampled state; the parent is ignored")
    func singleHeaderExample() {
        let context = single.extract(
            from: ["b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90"] as OTelHeaderFields
        )
        #expect(context.spanContext.traceID.hexString == "80f198ee56343ba864fe8b2a57d3eff7")
        #expect(context.spanContext.spanID.hexString == "e457b5a2e4d86bd1")
        #expect(context.spanContext.isSampled)
        #expect(context.spanContext.isRemote)
        #expect(!context.isDebug)
    }

    @Test("the README multi-header example extracts ids and the sampled state")
    func multiHeaderExample() {
        let context = single.extract(
            from: [
                "X-B3-TraceId": "80f198ee56343ba864fe8b2a57d3eff7",
                "X-B3-ParentSpanId": "05e3ac9a4f6e3b90",
                "X-B3-SpanId": "e457b5a2e4d86bd1",
                "X-B3-Sampled": "1",
            ] as OTelHeaderFields
        )
        #expect(context.spanContext.traceID.hexString == "80f198ee56343ba864fe8b2a57d3eff7")
        #expect(context.spanContext.spanID.hexString == "e457b5a2e4d86bd1")
        #expect(context.spanContext.isSampled)
    }

    @Test(
        "sampling states: 1 accept, 0 deny, d debug (implies sampled), absent defers (not sampled)",
        arguments: [("-1", true, false), ("-0", false, false), ("-d", true, true), ("", false, false)]
    )
    func samplingStates(_ suffix: String, _ sampled: Bool, _ debug: Bool) {
        let context = single.extract(
            from: ["b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1" + suffix] as OTelHeaderFields
        )
        #expect(context.spanContext.isValid)
        #expect(context.spanContext.isSampled == sampled)
        #expect(context.isDebug == debug)
    }

    @Test("X-B3-Flags: 1 is debug and sets sampled; X-B3-Sampled accepts true and false")
    func multiFlags() {
        let debug = single.extract(
            from: [
                "x-b3-traceid": "80f198ee56343ba864fe8b2a57d3eff7", "x-b3-spanid": "e457b5a2e4d86bd1",
                "x-b3-flags": "1",
            ] as OTelHeaderFields
        )
        #expect(debug.isDebug && debug.spanContext.isSampled)
        let lenient = single.extract(
            from: [
                "x-b3-traceid": "80f198ee56343ba864fe8b2a57d3eff7", "x-b3-spanid": "e457b5a2e4d86bd1",
                "x-b3-sampled": "true",
            ] as OTelHeaderFields
        )
        #expect(lenient.spanContext.isSampled)
    }

    @Test("64-bit trace ids are left-padded with zeros")
    func shortTraceID() {
        let fromSingle = single.extract(from: ["b3": "a3ce929d0e0e4736-00f067aa0ba902b7-1"] as OTelHeaderFields)
        #expect(fromSingle.spanContext.traceID.hexString == "0000000000000000a3ce929d0e0e4736")
        let fromMulti = single.extract(
            from: ["X-B3-TraceId": "a3ce929d0e0e4736", "X-B3-SpanId": "00f067aa0ba902b7"] as OTelHeaderFields
        )
        #expect(fromMulti.spanContext.traceID.hexString == "0000000000000000a3ce929d0e0e4736")
    }

    @Test("b3: 0 (deny without ids) carries no span context and is not overridden by multi headers")
    func denyOnly() {
        let context = PropagationFixtures.extractOverSentinel(
            single,
            [
                "b3": "0", "X-B3-TraceId": "80f198ee56343ba864fe8b2a57d3eff7", "X-B3-SpanId": "e457b5a2e4d86bd1",
            ]
        )
        #expect(context == PropagationFixtures.sentinel)
    }

    @Test("the single header takes precedence over the multiple headers")
    func singleWins() {
        let context = single.extract(
            from: [
                "b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-0",
                "X-B3-TraceId": "11111111111111111111111111111111", "X-B3-SpanId": "2222222222222222",
                "X-B3-Sampled": "1",
            ] as OTelHeaderFields
        )
        #expect(context.spanContext.traceID.hexString == "80f198ee56343ba864fe8b2a57d3eff7")
        #expect(!context.spanContext.isSampled)
    }

    @Test("a malformed single header falls back to the multiple headers")
    func malformedSingleFallsBack() {
        let context = single.extract(
            from: [
                "b3": "garbage", "X-B3-TraceId": "80f198ee56343ba864fe8b2a57d3eff7", "X-B3-SpanId": "e457b5a2e4d86bd1",
            ] as OTelHeaderFields
        )
        #expect(context.spanContext.traceID.hexString == "80f198ee56343ba864fe8b2a57d3eff7")
    }

    @Test("for repeated multi headers the first value wins")
    func firstValueWins() {
        let context = single.extract(
            from: OTelHeaderFields([
                ("X-B3-TraceId", "80f198ee56343ba864fe8b2a57d3eff7"),
                ("X-B3-TraceId", "11111111111111111111111111111111"),
                ("X-B3-SpanId", "e457b5a2e4d86bd1"),
            ])
        )
        #expect(context.spanContext.traceID.hexString == "80f198ee56343ba864fe8b2a57d3eff7")
    }

    @Test("inject writes the single header by default, never a parent id")
    func injectSingle() {
        var headers = OTelHeaderFields()
        single.inject(PropagationFixtures.sampledContext(), into: &headers)
        #expect(headers.fields == [.init(name: "b3", value: "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1")])
        var debug = PropagationFixtures.sampledContext()
        debug.isDebug = true
        single.inject(debug, into: &headers)
        #expect(headers["b3"] == "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-d")
        #expect(single.fields == ["b3"])
    }

    @Test("inject can write the multiple headers: X-B3-Flags instead of X-B3-Sampled when debug, never a parent id")
    func injectMulti() {
        var headers = OTelHeaderFields()
        multi.inject(PropagationFixtures.sampledContext(), into: &headers)
        #expect(headers.fields.map(\.name) == ["x-b3-traceid", "x-b3-spanid", "x-b3-sampled"])
        #expect(headers["x-b3-sampled"] == "1")
        var debug = PropagationFixtures.sampledContext()
        debug.isDebug = true
        var debugHeaders = OTelHeaderFields()
        multi.inject(debug, into: &debugHeaders)
        #expect(debugHeaders.fields.map(\.name) == ["x-b3-traceid", "x-b3-spanid", "x-b3-flags"])
        #expect(multi.fields == ["x-b3-traceid", "x-b3-spanid", "x-b3-sampled", "x-b3-flags"])
    }

    @Test("single and multi round trips keep ids, sampling and debug", arguments: [false, true])
    func roundTrip(_ debug: Bool) {
        for propagator in [single, multi] {
            var source = PropagationFixtures.sampledContext()
            source.isDebug = debug
            var headers = OTelHeaderFields()
            propagator.inject(source, into: &headers)
            let extracted = propagator.extract(from: headers)
            #expect(extracted.spanContext.traceID == source.spanContext.traceID)
            #expect(extracted.spanContext.spanID == source.spanContext.spanID)
            #expect(extracted.spanContext.isSampled)
            #expect(extracted.isDebug == debug)
        }
    }

    static let malformedSingle: [String] = [
        "", "-", "80f198ee56343ba864fe8b2a57d3eff7", "80f198ee56343ba864fe8b2a57d3eff7-",
        "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd",
        "80F198EE56343BA864FE8B2A57D3EFF7-e457b5a2e4d86bd1-1",
        "80f198ee56343ba864fe8b2a57d3eff7--e457b5a2e4d86bd1-1",
        "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90-extra",
        "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-x",
        "80f198ee56343ba864fe8b2a57d3effz-e457b5a2e4d86bd1-1",
        "0000000000000000-e457b5a2e4d86bd1-1", "80f198ee56343ba864fe8b2a57d3eff7-0000000000000000-1",
        "80f198ee56343ba864fe8b2a57d3eff-e457b5a2e4d86bd1-1",
        "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-0000000000000000",
        String(repeating: "a", count: 100_000) + "-e457b5a2e4d86bd1-1",
    ]

    @Test("a malformed single header (and no multi headers) leaves the context unchanged", arguments: malformedSingle)
    func malformedSingleHeader(_ header: String) {
        #expect(PropagationFixtures.extractOverSentinel(single, ["b3": header]) == PropagationFixtures.sentinel)
    }

    static let malformedMulti: [[String: String]] = [
        ["X-B3-TraceId": "80f198ee56343ba864fe8b2a57d3eff7"],
        ["X-B3-SpanId": "e457b5a2e4d86bd1"],
        ["X-B3-TraceId": "", "X-B3-SpanId": "e457b5a2e4d86bd1"],
        ["X-B3-TraceId": "80F198EE56343BA864FE8B2A57D3EFF7", "X-B3-SpanId": "e457b5a2e4d86bd1"],
        ["X-B3-TraceId": "80f198ee56343ba864fe8b2a57d3eff7", "X-B3-SpanId": "e457b5a2e4d86bd1", "X-B3-Sampled": "yes"],
        ["X-B3-TraceId": "80f198ee56343ba864fe8b2a57d3eff7", "X-B3-SpanId": "e457b5a2e4d86bd1", "X-B3-Flags": "2"],
        ["X-B3-TraceId": "00000000000000000000000000000000", "X-B3-SpanId": "e457b5a2e4d86bd1"],
        ["X-B3-TraceId": "80f198ee56343ba864fe8b2a57d3eff7-", "X-B3-SpanId": "e457b5a2e4d86bd1"],
    ]

    @Test("malformed multi headers leave the context unchanged", arguments: malformedMulti)
    func malformedMultiHeaders(_ headers: [String: String]) {
        var context = PropagationFixtures.sentinel
        single.extract(from: headers, into: &context)
        #expect(context == PropagationFixtures.sentinel)
    }
}

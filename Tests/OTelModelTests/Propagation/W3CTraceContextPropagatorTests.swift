import Testing

@testable import OTelModel

@Suite("W3C trace context propagator")
struct W3CTraceContextPropagatorTests {
    let propagator = OTelW3CTraceContextPropagator()

    @Test("the spec example extracts into a remote, sampled context with its tracestate")
    func specExample() {
        let context = propagator.extract(
            from: [
                "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "tracestate": "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE",
            ] as OTelHeaderFields
        )
        #expect(context.spanContext.traceID.hexString == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(context.spanContext.spanID.hexString == "00f067aa0ba902b7")
        #expect(context.spanContext.traceFlags == .sampled)
        #expect(context.spanContext.isRemote)
        #expect(context.spanContext.traceState.header == "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")
    }

    @Test("the unsampled spec example has no flags")
    func unsampledExample() {
        let context = propagator.extract(
            from: ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"] as OTelHeaderFields
        )
        #expect(context.spanContext.isValid)
        #expect(!context.spanContext.isSampled)
    }

    @Test("inject writes version 00, lowercase ids, flags and tracestate; extract reads them back")
    func roundTrip() throws {
        var source = PropagationFixtures.sampledContext()
        source.spanContext.traceState = try #require(OTelTraceState(header: "vendor=value"))
        var headers = OTelHeaderFields()
        propagator.inject(source, into: &headers)
        #expect(headers["traceparent"] == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        #expect(headers["tracestate"] == "vendor=value")
        let extracted = propagator.extract(from: headers)
        var expected = source.spanContext
        expected.isRemote = true
        #expect(extracted.spanContext == expected)
    }

    @Test("the random flag is kept; undefined flag bits are zeroed on output")
    func flags() {
        let context = propagator.extract(
            from: ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-ff"] as OTelHeaderFields
        )
        #expect(context.spanContext.traceFlags == [.sampled, .random])
        var headers = OTelHeaderFields()
        propagator.inject(context, into: &headers)
        #expect(headers["traceparent"] == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03")
    }

    @Test("an invalid span context injects nothing; empty tracestate is not sent")
    func injectInvalid() {
        var headers = OTelHeaderFields()
        propagator.inject(.empty, into: &headers)
        #expect(headers.fields.isEmpty)
        propagator.inject(PropagationFixtures.sampledContext(), into: &headers)
        #expect(headers["tracestate"] == nil)
    }

    @Test(
        "higher versions parse forward-compatibly: 55 characters, or more after a dash, and re-emit as 00",
        arguments: [
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-will-be-like",
        ]
    )
    func futureVersion(_ header: String) {
        let context = propagator.extract(from: ["traceparent": header] as OTelHeaderFields)
        #expect(context.spanContext.traceID == PropagationFixtures.traceID)
        var headers = OTelHeaderFields()
        propagator.inject(context, into: &headers)
        #expect(headers["traceparent"] == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
    }

    @Test("optional whitespace around traceparent is ignored")
    func whitespace() {
        let context = propagator.extract(
            from: ["traceparent": " \t00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 "] as OTelHeaderFields
        )
        #expect(context.spanContext.traceID == PropagationFixtures.traceID)
    }

    @Test("tracestate is not read without a valid traceparent")
    func tracestateNeedsTraceparent() {
        let context = PropagationFixtures.extractOverSentinel(propagator, ["tracestate": "rojo=1"])
        #expect(context == PropagationFixtures.sentinel)
    }

    @Test("a malformed tracestate is dropped but the traceparent kept")
    func malformedTracestate() {
        let context = PropagationFixtures.extractOverSentinel(
            propagator,
            [
                "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "tracestate": "Invalid Key=1",
            ]
        )
        #expect(context.spanContext.traceID == PropagationFixtures.traceID)
        #expect(context.spanContext.traceState.isEmpty)
    }

    @Test("repeated tracestate fields are combined")
    func combinedTracestate() {
        let context = propagator.extract(
            from: OTelHeaderFields([
                ("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                ("tracestate", "a=1"), ("tracestate", "b=2"),
            ])
        )
        #expect(context.spanContext.traceState.header == "a=1,b=2")
    }

    static let malformed: [(String, String)] = [
        ("empty", ""),
        ("truncated", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0"),
        ("truncated trace id", "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"),
        ("version 00 too long", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-"),
        ("version 00 with extra field", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"),
        ("higher version without dash after flags", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x"),
        ("version ff", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        ("uppercase trace id", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"),
        ("uppercase span id", "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01"),
        ("uppercase version", "0A-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        ("uppercase flags", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0A"),
        ("extra dashes", "00--4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        ("wrong separator", "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01"),
        ("non-hex trace id", "00-4bf92f3577b34da6a3ce929d0e0e47zz-00f067aa0ba902b7-01"),
        ("non-hex span id", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bg-01"),
        ("non-hex flags", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g"),
        ("non-hex version", "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        ("zero trace id", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"),
        ("zero span id", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"),
        ("huge value", "00-" + String(repeating: "a", count: 100_000)),
        (
            "duplicated header",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01,00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        ),
        // From the W3C test suite (test/test.py).
        ("v00 trailing character", "00-12345678901234567890123456789012-1234567890123456-01."),
        (
            "future version, dot after flags",
            "cc-12345678901234567890123456789012-1234567890123456-01.what-the-future-will-be-like"
        ),
        ("illegal version character 1", ".0-12345678901234567890123456789012-1234567890123456-01"),
        ("illegal version character 2", "0.-12345678901234567890123456789012-1234567890123456-01"),
        ("version too long", "000-12345678901234567890123456789012-1234567890123456-01"),
        ("version too short", "0-12345678901234567890123456789012-1234567890123456-01"),
        ("illegal trace id character", "00-.2345678901234567890123456789012-1234567890123456-01"),
        ("trace id too long", "00-123456789012345678901234567890123-1234567890123456-01"),
        ("trace id too short", "00-1234567890123456789012345678901-1234567890123456-01"),
        ("illegal parent id character", "00-12345678901234567890123456789012-123456789012345.-01"),
        ("parent id too long", "00-12345678901234567890123456789012-12345678901234567-01"),
        ("parent id too short", "00-12345678901234567890123456789012-123456789012345-01"),
        ("illegal flags character", "00-12345678901234567890123456789012-1234567890123456-.0"),
        ("flags too long", "00-12345678901234567890123456789012-1234567890123456-001"),
        ("flags too short", "00-12345678901234567890123456789012-1234567890123456-1"),
        ("non-ASCII", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0é"),
    ]

    @Test("a malformed traceparent leaves the context unchanged", arguments: malformed)
    func malformedTraceparent(_ name: String, _ header: String) {
        let context = PropagationFixtures.extractOverSentinel(
            propagator,
            ["traceparent": header, "tracestate": "rojo=1"]
        )
        #expect(context == PropagationFixtures.sentinel, "\(name)")
    }

    @Test("two traceparent fields make the header invalid")
    func duplicatedTraceparent() {
        let headers = OTelHeaderFields([
            ("traceparent", "00-12345678901234567890123456789011-1234567890123456-01"),
            ("traceparent", "00-12345678901234567890123456789012-1234567890123456-01"),
        ])
        var context = PropagationFixtures.sentinel
        propagator.extract(from: headers, into: &context)
        #expect(context == PropagationFixtures.sentinel)
    }

    @Test("32 tracestate members over several fields are kept; 33 discard the tracestate but not the trace")
    func tracestateMemberLimit() {
        func extract(_ count: Int) -> OTelSpanContext {
            let members = (1...count).map { "bar\($0)=\($0)" }
            var fields = [("traceparent", "00-12345678901234567890123456789012-1234567890123456-00")]
            for start in stride(from: 0, to: members.count, by: 10) {
                fields.append(("tracestate", members[start..<min(start + 10, members.count)].joined(separator: ",")))
            }
            return propagator.extract(from: OTelHeaderFields(fields)).spanContext
        }
        #expect(extract(32).traceState.count == 32)
        #expect(extract(32).traceState["bar1"] == "1")
        #expect(extract(33).traceState.isEmpty)
        #expect(extract(33).traceID.hexString == "12345678901234567890123456789012")
    }

    @Test("fields are traceparent and tracestate")
    func fields() {
        #expect(propagator.fields == ["traceparent", "tracestate"])
    }
}

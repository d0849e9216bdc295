import OTShim
import OTelModel
import OpenTracing
import Testing

@Suite("Start span (OT-9 … OT-17)")
struct StartSpanTests {
    @Test("OT-9 the first childOf reference is the parent, even after followsFrom references")
    func firstChildOfIsParent() async throws {
        let fixture = ShimFixture()
        let followed = fixture.tracer.startSpan("followed")
        let first = fixture.tracer.startSpan("first parent")
        let second = fixture.tracer.startSpan("second parent")
        fixture.tracer.startSpan(
            "child",
            references: [.followsFrom(followed.context), .childOf(first.context), .childOf(second.context)]
        ).finish()
        [followed, first, second].forEach { $0.finish() }
        let child = try await fixture.exportedSpan(named: "child")
        #expect(child.parentSpanID?.hexString == first.context.spanID)
        #expect(child.context.traceID.hexString == first.context.traceID)
    }

    @Test("OT-9 with only followsFrom references the first one is the parent (no new trace, unlike Go)")
    func followsFromParents() async throws {
        let fixture = ShimFixture()
        let cause = fixture.tracer.startSpan("cause")
        let other = fixture.tracer.startSpan("other cause")
        fixture.tracer.startSpan("effect", references: [.followsFrom(cause.context), .followsFrom(other.context)])
            .finish()
        cause.finish()
        other.finish()
        let effect = try await fixture.exportedSpan(named: "effect")
        #expect(effect.parentSpanID?.hexString == cause.context.spanID)
        #expect(effect.context.traceID.hexString == cause.context.traceID)
    }

    @Test("OT-10 every reference becomes a link with opentracing.ref_type, the parent's included, in order")
    func everyReferenceIsALink() async throws {
        let fixture = ShimFixture()
        let a = fixture.tracer.startSpan("a")
        let b = fixture.tracer.startSpan("b")
        let c = fixture.tracer.startSpan("c")
        fixture.tracer.startSpan(
            "linked",
            references: [.followsFrom(a.context), .childOf(b.context), .followsFrom(c.context)]
        ).finish()
        [a, b, c].forEach { $0.finish() }
        let linked = try await fixture.exportedSpan(named: "linked")
        #expect(linked.links.map(\.context.spanID.hexString) == [a, b, c].map(\.context.spanID))
        #expect(linked.links.map(\.context.traceID.hexString) == [a, b, c].map(\.context.traceID))
        #expect(
            linked.links.map { $0.attributes["opentracing.ref_type"] } == [
                .string("follows_from"), .string("child_of"), .string("follows_from"),
            ]
        )
        #expect(linked.links.allSatisfy { $0.attributes.count == 1 })
    }

    @Test("OT-10 an implicit parent (the active span) is not a reference and makes no link")
    func implicitParentMakesNoLink() async throws {
        let fixture = ShimFixture()
        let scope = fixture.tracer.startActiveSpan("active")
        fixture.tracer.startSpan("implicit child").finish()
        scope.close()
        let child = try await fixture.exportedSpan(named: "implicit child")
        #expect(child.parentSpanID?.hexString == scope.span.context.spanID)
        #expect(child.links.isEmpty)
    }

    @Test("OT-11 the initial baggage is the union of the references' baggage, a later reference winning")
    func baggageUnion() async throws {
        let fixture = ShimFixture()
        let first = fixture.tracer.startSpan("first")
        first.setBaggageItem("shared", "first")
        first.setBaggageItem("only-first", "1")
        let second = fixture.tracer.startSpan("second")
        second.setBaggageItem("shared", "second")
        second.setBaggageItem("only-second", "2")
        let child = fixture.tracer.startSpan(
            "child", references: [.childOf(first.context), .followsFrom(second.context)])
        #expect(child.context.baggageItems == ["shared": "second", "only-first": "1", "only-second": "2"])
        [child, first, second].forEach { $0.finish() }
    }

    @Test("OT-11 without references the current baggage is used")
    func currentBaggage() async throws {
        let fixture = ShimFixture()
        let baggage = OTelBaggage().setting(name: "from-otel", value: "yes")
        let child = OTelContext.withValue(OTelContext(baggage: baggage)) {
            fixture.tracer.startSpan("child of nothing, with baggage")
        }
        #expect(child.context.baggageItems == ["from-otel": "yes"])
        child.finish()
        let exported = try await fixture.exportedSpan(named: "child of nothing, with baggage")
        #expect(exported.parentSpanID == nil)
    }

    @Test("OT-12 ignoreActiveSpan starts a root with empty baggage, for startSpan and startActiveSpan")
    func ignoreActiveSpan() async throws {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("parent")
        parent.setBaggageItem("inherited", "no")
        let scope = fixture.tracer.scopeManager.activate(parent, finishOnClose: true)
        let ignoring = fixture.tracer.startSpan("ignoring", ignoreActiveSpan: true)
        let ignoringActive = fixture.tracer.startActiveSpan("ignoring active", ignoreActiveSpan: true)
        #expect(ignoring.context.baggageItems == [:])
        #expect(ignoringActive.span.context.baggageItems == [:])
        ignoringActive.close()
        ignoring.finish()
        scope.close()
        for name in ["ignoring", "ignoring active"] {
            let span = try await fixture.exportedSpan(named: name)
            #expect(span.parentSpanID == nil)
            #expect(span.context.traceID.hexString != parent.context.traceID)
        }
    }

    @Test("OT-12 with ignoreActiveSpan, explicit references still parent the span")
    func ignoreActiveSpanKeepsReferences() async throws {
        let fixture = ShimFixture()
        let explicit = fixture.tracer.startSpan("explicit")
        explicit.setBaggageItem("k", "v")
        let active = fixture.tracer.startActiveSpan("active")
        let child = fixture.tracer.startSpan("child", childOf: explicit.context, ignoreActiveSpan: true)
        #expect(child.context.baggageItems == ["k": "v"])
        child.finish()
        active.close()
        explicit.finish()
        #expect(try await fixture.exportedSpan(named: "child").parentSpanID?.hexString == explicit.context.spanID)
    }

    @Test("OT-13 start tags are set at creation, so the sampler sees them (sampling.priority = 0 drops)")
    func samplerSeesStartTags() async throws {
        let sampler = RecordingSampler()
        let fixture = ShimFixture(sampler: sampler)
        fixture.tracer.startSpan("kept", tags: ["sampling.priority": 1, "component": "db", "span.kind": "client"])
            .finish()
        fixture.tracer.startSpan("dropped", tags: ["sampling.priority": 0]).finish()
        let calls = sampler.calls.current
        #expect(calls.map(\.name) == ["kept", "dropped"])
        #expect(calls[0].attributes["component"] == .string("db"))
        #expect(calls[0].attributes["sampling.priority"] == .int(1))
        #expect(calls[0].kind == .client)
        #expect(try await fixture.exportedSpans().map(\.name) == ["kept"])
    }

    @Test("OT-13 the sampler sees the links with their opentracing.ref_type")
    func samplerSeesLinks() async throws {
        let sampler = RecordingSampler()
        let fixture = ShimFixture(sampler: sampler)
        let parent = fixture.tracer.startSpan("parent")
        fixture.tracer.startSpan("child", childOf: parent.context).finish()
        parent.finish()
        let call = try #require(sampler.calls.current.last)
        #expect(call.links.map(\.context.spanID.hexString) == [parent.context.spanID])
        #expect(call.links.first?.attributes["opentracing.ref_type"] == .string("child_of"))
    }

    @Test("OT-14 an error start tag sets the status after creation and is not an attribute")
    func errorStartTag() async throws {
        let fixture = ShimFixture()
        fixture.tracer.startSpan("failed", tags: ["error": true, "other": "kept"]).finish()
        fixture.tracer.startSpan("failed by text", tags: ["error": "TrUe"]).finish()
        fixture.tracer.startSpan("succeeded", tags: ["error": false]).finish()
        fixture.tracer.startSpan("succeeded by text", tags: ["error": "FaLsE"]).finish()
        let failed = try await fixture.exportedSpan(named: "failed")
        #expect(failed.status == .error())
        #expect(failed.attributes["error"] == nil)
        #expect(failed.attributes["other"] == .string("kept"))
        #expect(try await fixture.exportedSpan(named: "failed by text").status == .error())
        #expect(try await fixture.exportedSpan(named: "succeeded").status == .ok)
        #expect(try await fixture.exportedSpan(named: "succeeded by text").status == .ok)
    }

    @Test("OT-15 an explicit start timestamp arrives as the same nanoseconds (microsecond inputs stay exact)")
    func exactStartTimestamp() async throws {
        let fixture = ShimFixture()
        let micros: UInt64 = 1_712_345_678_901_234
        fixture.tracer.startSpan("micro", startTime: Timestamp(microsecondsSinceEpoch: micros))
            .finish(at: Timestamp(microsecondsSinceEpoch: micros + 1))
        let nanos: UInt64 = 1_712_345_678_901_234_567
        fixture.tracer.startSpan("nano", startTime: Timestamp(nanosecondsSinceEpoch: nanos))
            .finish(at: Timestamp(nanosecondsSinceEpoch: nanos + 1))
        let micro = try await fixture.exportedSpan(named: "micro")
        #expect(micro.startTime == micros * 1_000)
        #expect(micro.endTime == (micros + 1) * 1_000)
        let nano = try await fixture.exportedSpan(named: "nano")
        #expect(nano.startTime == nanos)
        #expect(nano.endTime == nanos + 1)
    }

    @Test("OT-16 startSpan returns an OpenTracing span whose context carries the OpenTelemetry ids")
    func returnsOpenTracingSpan() async throws {
        let fixture = ShimFixture()
        let span: any OpenTracing.Span = fixture.tracer.startSpan("ids")
        #expect(span.tracer === fixture.tracer)
        span.finish()
        let exported = try await fixture.exportedSpan(named: "ids")
        #expect(span.context.traceID == exported.context.traceID.hexString)
        #expect(span.context.spanID == exported.context.spanID.hexString)
    }

    @Test("OT-17 links to baggage-only and invalid contexts are recorded, with their ref type")
    func linksToInvalidContexts() async throws {
        let fixture = ShimFixture()
        let baggageOnly = try #require(try fixture.tracer.extract(format: .httpHeaders, from: ["baggage": "k=v"]))
        let valid = fixture.tracer.startSpan("valid")
        fixture.tracer.startSpan(
            "child",
            references: [.followsFrom(baggageOnly), .childOf(valid.context)]
        ).finish()
        valid.finish()
        let child = try await fixture.exportedSpan(named: "child")
        #expect(child.links.count == 2)
        #expect(child.links[0].context == .invalid)
        #expect(child.links[0].attributes["opentracing.ref_type"] == .string("follows_from"))
        #expect(child.parentSpanID?.hexString == valid.context.spanID)
    }

    @Test("OT-9 a baggage-only parent reference starts a new trace that keeps the baggage")
    func baggageOnlyParent() async throws {
        let fixture = ShimFixture()
        let baggageOnly = try #require(try fixture.tracer.extract(format: .httpHeaders, from: ["baggage": "k=v"]))
        let span = fixture.tracer.startSpan("root with baggage", childOf: baggageOnly)
        #expect(span.baggageItem("k") == "v")
        span.finish()
        let exported = try await fixture.exportedSpan(named: "root with baggage")
        #expect(exported.parentSpanID == nil)
        #expect(exported.context.isValid)
    }

    @Test("a span context of another tracer is used through its hex ids and baggage, and reported")
    func foreignReference() async throws {
        let fixture = ShimFixture()
        let mock = MockSpanContext(traceIDValue: 0xabc, spanIDValue: 0xdef, baggage: ["from": "mock"])
        let child = fixture.tracer.startSpan("child of mock", childOf: mock)
        #expect(child.baggageItem("from") == "mock")
        child.finish()
        let exported = try await fixture.exportedSpan(named: "child of mock")
        #expect(exported.context.traceID.hexString == "00000000000000000000000000000abc")
        #expect(exported.parentSpanID?.hexString == "0000000000000def")
        #expect(fixture.logs.all.contains { $0.message.contains("another tracer") })
    }
}

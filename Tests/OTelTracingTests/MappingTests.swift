import OTelModel
import OTelTracing
import OpenTracing
import Testing
import Tracing

private struct PaymentDeclined: Error, CustomStringConvertible {
    var description: String { "card 4242 declined" }
}

private struct OrderNumber: CustomStringConvertible, Sendable {
    let value: Int
    var description: String { "order-\(value)" }
}

@Suite("swift-distributed-tracing spans on the OpenTelemetry model")
struct MappingTests {
    @Test("span kinds map one to one and are fixed at start", arguments: [
        (SpanKind.internal, OTelSpanKind.internal), (.server, .server), (.client, .client),
        (.producer, .producer), (.consumer, .consumer),
    ])
    func kinds(kind: SpanKind, expected: OTelSpanKind) async throws {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("op", ofKind: kind) { _ in }
        #expect(try await fixture.exportedSpan(named: "op").kind == expected)
    }

    @Test("start and end instants become exact nanoseconds")
    func exactInstants() async throws {
        let fixture = MixedFixture()
        let span = fixture.sdt.startSpan(
            "timed", at: DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: 1_700_000_000_123_456_789))
        span.end(at: DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: 1_700_000_001_987_654_321))
        let exported = try await fixture.exportedSpan(named: "timed")
        #expect(exported.startTime == 1_700_000_000_123_456_789)
        #expect(exported.endTime == 1_700_000_001_987_654_321)
    }

    @Test("attributes of every swift-distributed-tracing type become OpenTelemetry attributes, arrays included")
    func attributes() async throws {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("attrs") { span in
            span.attributes["string"] = "text"
            span.attributes["int"] = 42
            span.attributes.set("int32", value: .int32(-7))
            span.attributes["double"] = 1.5
            span.attributes["bool"] = true
            span.attributes["strings"] = ["a", "b"]
            span.attributes.set("ints", value: .int64Array([1, 2]))
            span.attributes.set("int32s", value: .int32Array([3, 4]))
            span.attributes["doubles"] = [0.5, 2.5]
            span.attributes.set("bools", value: .boolArray([true, false]))
            span.attributes.set("convertible", value: .stringConvertible(OrderNumber(value: 9)))
            span.attributes.set(
                "convertibles", value: .stringConvertibleArray([OrderNumber(value: 1), OrderNumber(value: 2)]))
            span.attributes["string"] = "replaced"
        }
        let attributes = try await fixture.exportedSpan(named: "attrs").attributes
        #expect(attributes["string"] == .string("replaced"))
        #expect(attributes["int"] == .int(42))
        #expect(attributes["int32"] == .int(-7))
        #expect(attributes["double"] == .double(1.5))
        #expect(attributes["bool"] == .bool(true))
        #expect(attributes["strings"] == .stringArray(["a", "b"]))
        #expect(attributes["ints"] == .intArray([1, 2]))
        #expect(attributes["int32s"] == .intArray([3, 4]))
        #expect(attributes["doubles"] == .doubleArray([0.5, 2.5]))
        #expect(attributes["bools"] == .boolArray([true, false]))
        #expect(attributes["convertible"] == .string("order-9"))
        #expect(attributes["convertibles"] == .stringArray(["order-1", "order-2"]))
        #expect(attributes.count == 12)
    }

    @Test("reading attributes returns what was set, as swift-distributed-tracing values")
    func attributesReadBack() {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("read") { span in
            span.attributes["n"] = 1
            span.attributes["s"] = "x"
            #expect(span.attributes.get("n") == .int64(1))
            #expect(span.attributes.get("s") == .string("x"))
            #expect(span.attributes.count == 2)
        }
    }

    @Test("events keep their name, attributes and exact time")
    func events() async throws {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("evented") { span in
            span.addEvent(
                SpanEvent(
                    name: "cache.miss",
                    at: DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: 1_234_567_890_123),
                    attributes: ["key": "user:1"]
                ))
        }
        let events = try await fixture.exportedSpan(named: "evented").events
        #expect(events.count == 1)
        #expect(events.first?.name == "cache.miss")
        #expect(events.first?.time == 1_234_567_890_123)
        #expect(events.first?.attributes["key"] == .string("user:1"))
    }

    @Test("recordError adds an exception event with type, message, extra attributes and the given instant")
    func recordErrorWithInstant() async throws {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("failing") { span in
            span.recordError(
                PaymentDeclined(),
                attributes: ["retry": false],
                at: DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: 5_000_000_000_000_000_042)
            )
        }
        let span = try await fixture.exportedSpan(named: "failing")
        let event = try #require(span.events.first)
        #expect(span.events.count == 1)
        #expect(event.name == "exception")
        #expect(event.time == 5_000_000_000_000_000_042)
        #expect(event.attributes["exception.type"] == .string(String(reflecting: PaymentDeclined.self)))
        #expect(event.attributes["exception.message"] == .string("card 4242 declined"))
        #expect(event.attributes["retry"] == .bool(false))
        #expect(span.status == .unset, "recording an error alone leaves the status unset")
    }

    @Test("withSpan records a thrown error as an exception event and sets the error status")
    func thrownError() async throws {
        let fixture = MixedFixture()
        #expect(throws: PaymentDeclined.self) {
            try fixture.sdt.withSpan("throws") { _ in throw PaymentDeclined() }
        }
        let span = try await fixture.exportedSpan(named: "throws")
        #expect(span.status == .error(description: ""))
        #expect(span.events.map(\.name) == ["exception"])
    }

    @Test("status ok and error with a message map to OpenTelemetry statuses")
    func status() async throws {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("ok") { $0.setStatus(SpanStatus(code: .ok)) }
        fixture.sdt.withSpan("error") { $0.setStatus(SpanStatus(code: .error, message: "timeout")) }
        let spans = try await fixture.exportedSpansByName()
        #expect(spans["ok"]?.status == .ok)
        #expect(spans["error"]?.status == .error(description: "timeout"))
    }

    @Test("links point at the span of the linked context and keep their attributes")
    func links() async throws {
        let fixture = MixedFixture()
        let other = fixture.sdt.startSpan("other", context: .topLevel)
        other.end()
        fixture.sdt.withSpan("linking", context: .topLevel) { span in
            span.addLink(other, attributes: ["reason": "batch"])
            span.addLink(SpanLink(context: .topLevel, attributes: [:]))
        }
        let linking = try await fixture.exportedSpan(named: "linking")
        #expect(linking.links.count == 1, "a link to no span and without attributes is dropped")
        #expect(linking.links.first?.context.spanID == other.otelSpan.context.spanID)
        #expect(linking.links.first?.attributes["reason"] == .string("batch"))
    }

    @Test("renaming a span renames the exported span")
    func operationName() async throws {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("GET") { span in
            #expect(span.operationName == "GET")
            span.operationName = "GET /users/:id"
        }
        #expect(try await fixture.exportedSpans().map(\.name) == ["GET /users/:id"])
    }

    @Test("spans are recorded by the provider's pipeline under the tracer's instrumentation scope")
    func scope() async throws {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("scoped") { span in #expect(span.isRecording) }
        let span = try await fixture.exportedSpan(named: "scoped")
        #expect(span.instrumentationScope.name == OTelDistributedTracer.defaultInstrumentationScopeName)
        #expect(span.instrumentationScope.version == OTelLibrary.version)
    }

    @Test("a span ends once: a second end and later changes are ignored")
    func endOnce() async throws {
        let fixture = MixedFixture()
        let span = fixture.sdt.startSpan("once")
        span.end(at: DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: 2_000_000_000_000_000_000))
        span.end(at: DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: 3_000_000_000_000_000_000))
        span.attributes["late"] = true
        #expect(!span.isRecording)
        let exported = try await fixture.exportedSpans()
        #expect(exported.count == 1)
        #expect(exported.first?.endTime == 2_000_000_000_000_000_000)
        #expect(exported.first?.attributes["late"] == nil)
    }

    @Test("withSpan with an explicit context parents on that context's span")
    func explicitParent() async throws {
        let fixture = MixedFixture()
        let root = fixture.sdt.startSpan("root", context: .topLevel)
        fixture.sdt.withSpan("child", context: root.context) { _ in }
        root.end()
        let spans = try await fixture.exportedSpansByName()
        let child = try #require(spans["child"])
        #expect(child.parentIDHex == root.otelSpan.context.spanID.hexString)
        #expect(child.traceIDHex == root.otelSpan.context.traceID.hexString)
        #expect(spans["root"]?.parentSpanID == nil)
    }

    @Test("the tracer can be bootstrapped per task with withTracer and is then used by the global withSpan")
    func taskLocalTracer() async throws {
        let fixture = MixedFixture()
        withTracer(fixture.sdt) {
            Tracing.withSpan("global") { _ in }
        }
        #expect(try await fixture.exportedSpans().map(\.name) == ["global"])
    }

    @Test("a sampled-out withSpan span records nothing but propagates its context, and its OT children follow it")
    func sampledOut() async throws {
        let fixture = MixedFixture(sampler: OTelParentBasedSampler(root: OTelAlwaysOffSampler()))
        var headers: [String: String] = [:]
        fixture.sdt.withSpan("dropped") { span in
            #expect(!span.isRecording)
            span.attributes["ignored"] = true
            #expect(span.attributes.isEmpty)
            let child = fixture.ot.startSpan("ot-child")
            #expect(child.context.traceID == span.otelSpan.context.traceID.hexString)
            child.finish()
            fixture.sdt.inject(span.context, into: &headers, using: DictionaryInjector())
        }
        let traceparent = try #require(headers["traceparent"])
        let flags = try #require(traceparent.split(separator: "-").last.flatMap { UInt8($0, radix: 16) })
        #expect(flags & 0x01 == 0, "injected as not sampled")
        #expect(try await fixture.exportedSpans().isEmpty)
    }
}

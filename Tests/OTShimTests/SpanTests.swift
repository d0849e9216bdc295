import Dispatch
import Logging
import OTShim
import OTelModel
import OpenTracing
import Testing

@Suite("Span shim and span-context shim (OT-30 … OT-47)")
struct SpanTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "boom at the gate" }
    }

    // MARK: - Baggage

    @Test("OT-30, OT-31, OT-45 setBaggageItem swaps in a new immutable context; the earlier one is unchanged")
    func baggageSwapsContext() {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("baggage")
        let before = span.context
        span.setBaggageItem("a", "1")
        let middle = span.context
        span.setBaggageItem("a", "2")
        span.setBaggageItem("b", "3")
        #expect(before.baggageItems == [:])
        #expect(middle.baggageItems == ["a": "1"])
        #expect(span.context.baggageItems == ["a": "2", "b": "3"])
        #expect(span.context.spanID == before.spanID)
        span.finish()
    }

    @Test("OT-31, OT-34 repeated context reads return one instance until the baggage changes; earlier ones keep theirs")
    func contextReadsShareOneInstanceUntilBaggageChanges() throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("cached context")
        let first = span.context
        #expect(isSameObject(span.context, first))
        span.setBaggageItem("a", "1")
        let second = span.context
        #expect(!isSameObject(second, first))
        #expect(isSameObject(span.context, second))
        #expect(first.baggageItems == [:])
        #expect(second.baggageItems == ["a": "1"])
        #expect(second.traceID == first.traceID && second.spanID == first.spanID)
        // A change without a read in between still yields a new instance with every item.
        span.setBaggageItem("b", "2")
        span.setBaggageItem("a", "3")
        let third = span.context
        #expect(!isSameObject(third, second))
        #expect(third.baggageItems == ["a": "3", "b": "2"])
        #expect(second.baggageItems == ["a": "1"])
        span.finish()
    }

    /// Whether two span contexts are one object (the shim's contexts are classes).
    private func isSameObject(_ first: any SpanContext, _ second: any SpanContext) -> Bool {
        (first as AnyObject) === (second as AnyObject)
    }

    @Test("OT-35 baggageItem reads the current baggage without a context read, before and after setBaggageItem")
    func baggageItemWithoutContextRead() {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("parent")
        parent.setBaggageItem("inherited", "p")
        let span = fixture.tracer.startSpan("child", childOf: parent.context)
        #expect(span.baggageItem("inherited") == "p")
        #expect(span.baggageItem("own") == nil)
        span.setBaggageItem("own", "c")
        #expect(span.baggageItem("own") == "c")
        #expect(span.context.baggageItems == ["inherited": "p", "own": "c"])
        span.finish()
        parent.finish()
    }

    @Test("OT-32, OT-35, OT-36 concurrent setBaggageItem and baggageItem are safe and lose nothing")
    func concurrentBaggage() {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("concurrent baggage")
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            span.setBaggageItem("key-\(index)", "\(index)")
            _ = span.baggageItem("key-\(index / 2)")
            _ = span.context.baggageItems
        }
        let items = span.context.baggageItems
        #expect(items.count == 200)
        #expect((0..<200).allSatisfy { items["key-\($0)"] == "\($0)" })
        span.finish()
    }

    @Test("OT-34, OT-35 context and baggageItem read the current context; a missing item is nil")
    func baggageItemReadsCurrent() {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("read")
        #expect(span.baggageItem("missing") == nil)
        span.setBaggageItem("present", "yes")
        #expect(span.baggageItem("present") == "yes")
        #expect(span.context.baggageItems == ["present": "yes"])
        span.finish()
    }

    @Test("OT-31 children inherit the parent's baggage, and baggage set on a child stays with the child")
    func childrenInheritBaggage() {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("parent")
        parent.setBaggageItem("inherited", "p")
        let child = fixture.tracer.startSpan("child", childOf: parent)
        child.setBaggageItem("own", "c")
        let grandchild = fixture.tracer.startSpan("grandchild", childOf: child)
        #expect(child.context.baggageItems == ["inherited": "p", "own": "c"])
        #expect(grandchild.context.baggageItems == ["inherited": "p", "own": "c"])
        #expect(parent.context.baggageItems == ["inherited": "p"])
        [grandchild, child, parent].forEach { $0.finish() }
    }

    @Test("OT-46 baggage iteration is backed by the OpenTelemetry baggage, in insertion order")
    func baggageIteration() {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("iterate")
        for (key, value) in [("z", "1"), ("a", "2"), ("m", "3")] { span.setBaggageItem(key, value) }
        var seen: [String] = []
        span.context.forEachBaggageItem { key, value in seen.append("\(key)=\(value)") }
        #expect(seen == ["z=1", "a=2", "m=3"])
        span.finish()
    }

    @Test("OT-47 trace and span ids are lowercase hex of the OpenTelemetry ids; an invalid context is all zeros")
    func hexIdentifiers() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("hex")
        #expect(span.context.traceID.count == 32)
        #expect(span.context.spanID.count == 16)
        #expect(span.context.traceID == span.context.traceID.lowercased())
        span.finish()
        let exported = try await fixture.exportedSpan(named: "hex")
        #expect(span.context.traceID == exported.context.traceID.hexString)
        let baggageOnly = try #require(try fixture.tracer.extract(format: .textMap, from: ["baggage": "k=v"]))
        #expect(baggageOnly.traceID == String(repeating: "0", count: 32))
        #expect(baggageOnly.spanID == String(repeating: "0", count: 16))
    }

    // MARK: - Tags

    @Test("OT-33, OT-38 tags become typed attributes; unsupported values become strings")
    func typedTags() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("tags", tags: ["start.uint": .uint(7)])
        span.setTag("string", "text")
        span.setTag("bool", true)
        span.setTag("int", -42)
        span.setTag("double", 2.5)
        span.setTag("small.uint", .uint(UInt64(Int64.max)))
        span.setTag("large.uint", .uint(UInt64.max))
        span.setTag("byte", TagValue(UInt8(200)))
        span.setTag("float", TagValue(Float(0.5)))
        span.setTag("error.value", .error(Boom()))
        span.setTag("described", .describing(42.5 as Double))
        span.finish()
        let attributes = try await fixture.exportedSpan(named: "tags").attributes
        #expect(attributes["start.uint"] == .int(7))
        #expect(attributes["string"] == .string("text"))
        #expect(attributes["bool"] == .bool(true))
        #expect(attributes["int"] == .int(-42))
        #expect(attributes["double"] == .double(2.5))
        #expect(attributes["small.uint"] == .int(Int64.max))
        #expect(attributes["large.uint"] == .string("18446744073709551615"))
        #expect(attributes["byte"] == .int(200))
        #expect(attributes["float"] == .double(0.5))
        #expect(attributes["error.value"] == .string("boom at the gate"))
        #expect(attributes["described"] == .string("42.5"))
        #expect(attributes.count == 11)
    }

    @Test("OT-39 the error tag sets the status (bool or case-insensitive text) and is not an attribute")
    func errorTagSetsStatus() async throws {
        let fixture = ShimFixture()
        for (name, value) in [("bool true", TagValue.bool(true)), ("text TRUE", "TRUE")] {
            let span = fixture.tracer.startSpan(name)
            span.setTag("error", value)
            span.finish()
        }
        for (name, value) in [("bool false", TagValue.bool(false)), ("text False", "False")] {
            let span = fixture.tracer.startSpan(name)
            span.setTag("error", value)
            span.finish()
        }
        fixture.tracer.startSpan("unset").finish()
        for name in ["bool true", "text TRUE"] {
            let span = try await fixture.exportedSpan(named: name)
            #expect(span.status == .error(), "\(name)")
            #expect(span.attributes["error"] == nil, "\(name)")
        }
        for name in ["bool false", "text False"] {
            #expect(try await fixture.exportedSpan(named: name).status == .ok, "\(name)")
        }
        #expect(try await fixture.exportedSpan(named: "unset").status == .unset)
    }

    @Test("OT-39 an error tag value that is neither boolean nor true/false text stays an attribute")
    func unrecognisedErrorTag() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("odd error")
        span.setTag("error", "sometimes")
        span.setTag("error.code", 500)
        span.finish()
        let exported = try await fixture.exportedSpan(named: "odd error")
        #expect(exported.status == .unset)
        #expect(exported.attributes["error"] == .string("sometimes"))
    }

    @Test("OT-39 only the exact keys error and span.kind are special; keys of the same length stay attributes")
    func specialTagKeysAreExact() async throws {
        let fixture = ShimFixture()
        let tags: [String: TagValue] = ["Error": true, "span_kind": "client", "errors": true]
        let span = fixture.tracer.startSpan("exact keys", tags: tags)
        span.setTag("ERROR", true)
        span.setTag("span.KIND", "server")
        span.setTag("http.status_code", 503)
        span.finish()
        let exported = try await fixture.exportedSpan(named: "exact keys")
        #expect(exported.status == .unset)
        #expect(exported.kind == .internal)
        #expect(exported.attributes["Error"] == .bool(true))
        #expect(exported.attributes["span_kind"] == .string("client"))
        #expect(exported.attributes["errors"] == .bool(true))
        #expect(exported.attributes["ERROR"] == .bool(true))
        #expect(exported.attributes["span.KIND"] == .string("server"))
        #expect(exported.attributes["http.status_code"] == .int(503))
        #expect(exported.attributes.count == 6)
    }

    @Test("OT-40 OK is final: error=false then error=true stays OK; error=true then false becomes OK")
    func okIsFinal() async throws {
        let fixture = ShimFixture()
        let first = fixture.tracer.startSpan("false then true")
        first.setTag("error", false)
        first.setTag("error", true)
        first.finish()
        let second = fixture.tracer.startSpan("true then false")
        second.setTag("error", true)
        second.setTag("error", false)
        second.finish()
        #expect(try await fixture.exportedSpan(named: "false then true").status == .ok)
        #expect(try await fixture.exportedSpan(named: "true then false").status == .ok)
    }

    @Test("span.kind sets the kind at start and later until finish (client/server/producer/consumer, any case)")
    func spanKindTag() async throws {
        let fixture = ShimFixture()
        fixture.tracer.startSpan("at start", tags: ["span.kind": "server"]).finish()
        let late = fixture.tracer.startSpan("late")
        late.setTag("span.kind", "Producer")
        late.finish()
        let changed = fixture.tracer.startSpan("changed", tags: ["span.kind": "client"])
        changed.setTag("span.kind", "CONSUMER")
        changed.finish()
        changed.setTag("span.kind", "server")  // after finish: ignored
        fixture.tracer.startSpan("unknown", tags: ["span.kind": "internal-ish"]).finish()
        let atStart = try await fixture.exportedSpan(named: "at start")
        #expect(atStart.kind == .server)
        #expect(atStart.attributes["span.kind"] == nil)
        #expect(try await fixture.exportedSpan(named: "late").kind == .producer)
        #expect(try await fixture.exportedSpan(named: "changed").kind == .consumer)
        let unknown = try await fixture.exportedSpan(named: "unknown")
        #expect(unknown.kind == .internal)
        #expect(unknown.attributes["span.kind"] == .string("internal-ish"))
    }

    @Test("mapsSpanKindTag = false keeps span.kind a plain attribute and every span INTERNAL")
    func spanKindMappingSwitchedOff() async throws {
        let fixture = ShimFixture(mapsSpanKindTag: false)
        let span = fixture.tracer.startSpan("purist", tags: ["span.kind": "client"])
        span.setTag("span.kind", "server")
        span.finish()
        let exported = try await fixture.exportedSpan(named: "purist")
        #expect(exported.kind == .internal)
        #expect(exported.attributes["span.kind"] == .string("server"))
    }

    // MARK: - Logs

    @Test("OT-41 the event name is the event field's value, else 'log'; fields are typed attributes")
    func logEventName() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("logs")
        span.log(["event": "cache miss", "key": "user:42", "attempt": 3])
        span.log(["message": "no event field", "ratio": 0.25, "ok": true])
        span.log(["event": "", "empty": "event"])
        span.log(["event": .int(7)])
        span.log(["detail": .describing(1.5 as Double), "big": .uint(UInt64.max)])
        span.finish()
        let events = try await fixture.exportedSpan(named: "logs").events
        #expect(events.map(\.name) == ["cache miss", "log", "log", "7", "log"])
        #expect(events[0].attributes["event"] == .string("cache miss"))
        #expect(events[0].attributes["key"] == .string("user:42"))
        #expect(events[0].attributes["attempt"] == .int(3))
        #expect(events[1].attributes["ratio"] == .double(0.25))
        #expect(events[1].attributes["ok"] == .bool(true))
        #expect(events[4].attributes["detail"] == .string("1.5"))
        #expect(events[4].attributes["big"] == .string("18446744073709551615"))
    }

    @Test("OT-41 the last event field names the event and stays an attribute; a lone event field is one attribute")
    func logEventFieldStaysAttribute() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("event fields")
        span.log(fields: [LogField("event", "cache miss")], timestamp: nil)
        span.log(fields: [LogField("event", "first"), LogField("n", 1), LogField("event", "second")], timestamp: nil)
        span.log(fields: [LogField("Event", "not the name"), LogField("events", "nor this")], timestamp: nil)
        span.log(fields: [LogField("stack", "at main"), LogField("event", "error")], timestamp: nil)
        span.finish()
        let events = try await fixture.exportedSpan(named: "event fields").events
        #expect(events.map(\.name) == ["cache miss", "second", "log", "exception"])
        #expect(events[0].attributes.count == 1)
        #expect(events[0].attributes["event"] == .string("cache miss"))
        #expect(events[1].attributes.count == 2)
        #expect(events[1].attributes["event"] == .string("second"))
        #expect(events[1].attributes["n"] == .int(1))
        #expect(events[2].attributes["Event"] == .string("not the name"))
        #expect(events[2].attributes["events"] == .string("nor this"))
        #expect(events[3].attributes["exception.stacktrace"] == .string("at main"))
        #expect(events[3].attributes["stack"] == nil)
    }

    @Test("OT-41 … OT-43 a one-field log names its event and keeps the field as its only attribute, as a longer log does")
    func oneFieldLogs() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("one field")
        span.log(fields: [LogField("event", "cache miss")], timestamp: nil)
        span.log(fields: [LogField("event", "error")], timestamp: nil)
        span.log(fields: [LogField("event", "")], timestamp: nil)
        span.log(fields: [LogField("event", 7)], timestamp: nil)
        span.log(fields: [LogField("message", "hello")], timestamp: nil)
        span.log(fields: [LogField("error.object", .error(Boom()))], timestamp: nil)
        span.log(fields: [LogField("", "no key")], timestamp: nil)
        span.finish()
        let events = try await fixture.exportedSpan(named: "one field").events
        #expect(events.map(\.name) == ["cache miss", "exception", "log", "7", "log", "log", "log"])
        #expect(events.map(\.attributes) == [
            ["event": "cache miss"], ["event": "error"], ["event": ""], ["event": 7], ["message": "hello"],
            ["error.object": "boom at the gate"], [:],
        ])
        // The same fields with a second one take the general path: the same name and attribute, plus the other.
        let twoFields = fixture.tracer.startSpan("two fields")
        twoFields.log(fields: [LogField("event", "error"), LogField("n", 1)], timestamp: nil)
        twoFields.finish()
        let general = try await fixture.exportedSpan(named: "two fields").events
        #expect(general.map(\.name) == ["exception"])
        #expect(general.first?.attributes == ["event": "error", "n": 1])
    }

    @Test("OT-42 event=error with error.kind/message/stack becomes an 'exception' event with renamed fields")
    func exceptionEventFromFields() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("exception fields")
        span.log([
            "event": "error", "error.kind": "Timeout", "message": "upstream timed out", "stack": "at a\nat b",
            "retry": 2,
        ])
        span.finish()
        let event = try #require(try await fixture.exportedSpan(named: "exception fields").events.first)
        #expect(event.name == "exception")
        #expect(event.attributes["exception.type"] == .string("Timeout"))
        #expect(event.attributes["exception.message"] == .string("upstream timed out"))
        #expect(event.attributes["exception.stacktrace"] == .string("at a\nat b"))
        #expect(event.attributes["retry"] == .int(2))
        #expect(event.attributes["event"] == .string("error"))
        #expect(event.attributes["error.kind"] == nil)
        #expect(event.attributes["message"] == nil)
        #expect(event.attributes["stack"] == nil)
    }

    @Test("OT-42 an error.object that is a Swift Error is recorded as the exception (type and description)")
    func exceptionFromSwiftError() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("swift error")
        span.log(["event": "error", "error.object": .error(Boom()), "request": "GET /"])
        span.log(["event": "error", "error.object": .error(Boom()), "message": "explicit message"])
        span.finish()
        let events = try await fixture.exportedSpan(named: "swift error").events
        #expect(events.map(\.name) == ["exception", "exception"])
        #expect(events[0].attributes["exception.type"] == .string(String(reflecting: Boom.self)))
        #expect(events[0].attributes["exception.message"] == .string("boom at the gate"))
        #expect(events[0].attributes["request"] == .string("GET /"))
        #expect(events[0].attributes["error.object"] == nil)
        #expect(events[1].attributes["exception.message"] == .string("explicit message"))
    }

    @Test("OT-42 recordError (error tag + error log) gives status Error and one exception event")
    func recordError() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("recorded")
        span.recordError(Boom())
        span.finish()
        let exported = try await fixture.exportedSpan(named: "recorded")
        #expect(exported.status == .error())
        #expect(exported.events.map(\.name) == ["exception"])
        #expect(exported.events[0].attributes["exception.message"] == .string("boom at the gate"))
    }

    @Test("OT-43 an explicit log timestamp is kept exactly, on the plain and on both exception paths")
    func logTimestamps() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("timed logs", startTime: Timestamp(microsecondsSinceEpoch: 1_000_000))
        let plain = Timestamp(microsecondsSinceEpoch: 1_700_000_000_000_001)
        let fields = Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_002_003)
        let object = Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_004_005)
        span.log(["event": "plain"], timestamp: plain)
        span.log(["event": "error", "message": "m"], timestamp: fields)
        span.log(["event": "error", "error.object": .error(Boom())], timestamp: object)
        span.finish()
        let events = try await fixture.exportedSpan(named: "timed logs").events
        #expect(events.map(\.time) == [plain, fields, object].map(\.nanosecondsSinceEpoch))
    }

    // MARK: - Name, finish, use after finish

    @Test("OT-37 setOperationName updates the span name")
    func setOperationName() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("before")
        span.setOperationName("after")
        span.finish()
        #expect(try await fixture.exportedSpans().map(\.name) == ["after"])
    }

    @Test("OT-44 finish(at:) ends the span at exactly that time; finish without a time uses now")
    func finishTimestamps() async throws {
        let fixture = ShimFixture()
        let end = Timestamp(nanosecondsSinceEpoch: 1_800_000_000_123_456_789)
        fixture.tracer.startSpan("explicit", startTime: Timestamp(nanosecondsSinceEpoch: 1)).finish(at: end)
        let before = Timestamp.now()
        fixture.tracer.startSpan("now").finish()
        let after = Timestamp.now()
        #expect(try await fixture.exportedSpan(named: "explicit").endTime == end.nanosecondsSinceEpoch)
        let now = try await fixture.exportedSpan(named: "now")
        #expect(before.nanosecondsSinceEpoch <= now.startTime && now.endTime <= after.nanosecondsSinceEpoch)
    }

    @Test("calls after finish are ignored and reported once per span")
    func useAfterFinish() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("finished", tags: ["kept": true])
        span.setBaggageItem("kept", "yes")
        span.finish(at: Timestamp(nanosecondsSinceEpoch: 2_000_000_000_000_000_000))
        span.setTag("late", true)
        span.setOperationName("renamed")
        span.log(event: "late")
        span.setBaggageItem("late", "no")
        span.finish()
        let exported = try await fixture.exportedSpans()
        #expect(exported.count == 1)
        #expect(exported[0].name == "finished")
        #expect(exported[0].attributes.count == 1)
        #expect(exported[0].events.isEmpty)
        #expect(exported[0].endTime == 2_000_000_000_000_000_000)
        #expect(span.context.baggageItems == ["kept": "yes"])
        let reports = fixture.logs.all.filter { $0.message.contains("used after it finished") }
        #expect(reports.count == 1)
        #expect(reports.first?.metadata["detail"]?.description.contains("finished") == true)
    }

    @Test("an unsampled span skips tag and log mapping but keeps its context and baggage, and still reports use after finish")
    func unsampledSpanSkipsMapping() async throws {
        let fixture = ShimFixture(sampler: OTelAlwaysOffSampler())
        let span = fixture.tracer.startSpan("unsampled")
        span.setTag("ignored", "value")
        span.setTag(SpanTag.error, true)
        span.log(["event": "error", "message": "ignored"])
        span.setBaggageItem("kept", "yes")
        #expect(span.baggageItem("kept") == "yes")
        #expect(span.context.traceID.count == 32 && span.context.traceID != String(repeating: "0", count: 32))
        span.finish()
        span.setTag("late", true)
        #expect(try await fixture.exportedSpans().isEmpty)
        #expect(fixture.logs.all.filter { $0.message.contains("used after it finished") }.count == 1)
    }

    @Test("use-after-finish reports are rate-limited: a flood over many spans logs one line")
    func useAfterFinishRateLimited() {
        let fixture = ShimFixture()
        for index in 0..<500 {
            let span = fixture.tracer.startSpan("span \(index)")
            span.finish()
            span.setTag("late", true)
            span.setTag("later", true)
        }
        let reports = fixture.logs.all.filter { $0.message.contains("used after it finished") }
        #expect(reports.count == 1)
        #expect(reports.first?.metadata["count"]?.description == "1")
    }
}

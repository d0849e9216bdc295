import Foundation
import OpenTracing
import Testing

@Suite("MockTracer")
struct MockTracerTests {
    @Test("a root span gets a new trace, non-zero random ids as 16 lowercase hex digits, and no parent")
    func rootSpan() throws {
        let tracer = MockTracer()
        let span = try #require(tracer.startSpan("root") as? MockSpan)
        let context = span.mockContext
        #expect(context.traceIDValue != 0)
        #expect(context.spanIDValue != 0)
        #expect(context.traceID.count == 16)
        #expect(context.traceID == context.traceID.lowercased())
        #expect(UInt64(context.traceID, radix: 16) == context.traceIDValue)
        #expect(UInt64(context.spanID, radix: 16) == context.spanIDValue)
        #expect(context.isSampled)
        #expect(span.parentSpanID == nil)
        #expect(span.references.isEmpty)
        let other = try #require(tracer.startSpan("other root") as? MockSpan)
        #expect(other.mockContext.traceIDValue != context.traceIDValue)
    }

    @Test("without references, the active span is the parent through an implicit childOf reference")
    func activeSpanIsImplicitParent() throws {
        let tracer = MockTracer()
        let scope = tracer.startActiveSpan("parent")
        let parent = try #require(scope.span as? MockSpan)
        let child = try #require(tracer.startSpan("child") as? MockSpan)
        #expect(child.parentSpanID == parent.mockContext.spanIDValue)
        #expect(child.mockContext.traceIDValue == parent.mockContext.traceIDValue)
        #expect(child.references.map(\.kind) == [.childOf])
        let orphan = try #require(tracer.startSpan("orphan", ignoreActiveSpan: true) as? MockSpan)
        #expect(orphan.parentSpanID == nil)
        #expect(orphan.mockContext.traceIDValue != parent.mockContext.traceIDValue)
        scope.close()
        #expect(parent.isFinished, "startActiveSpan finishes on close by default")
    }

    @Test("explicit references replace the active parent; the first childOf is the parent, else the first reference")
    func referencesChooseTheParent() throws {
        let tracer = MockTracer()
        let a = try #require(tracer.startSpan("a") as? MockSpan)
        let b = try #require(tracer.startSpan("b") as? MockSpan)
        let scope = tracer.startActiveSpan("active")
        defer { scope.close() }
        let followsOnly = try #require(tracer.startSpan("f", references: [.followsFrom(a.context)]) as? MockSpan)
        #expect(followsOnly.parentSpanID == a.mockContext.spanIDValue)
        #expect(followsOnly.references.count == 1)
        let mixed = try #require(
            tracer.startSpan("m", references: [.followsFrom(a.context), .childOf(b.context)]) as? MockSpan
        )
        #expect(mixed.parentSpanID == b.mockContext.spanIDValue)
        #expect(mixed.mockContext.traceIDValue == b.mockContext.traceIDValue)
        let viaChildOf = try #require(tracer.startSpan("c", childOf: a) as? MockSpan)
        #expect(viaChildOf.parentSpanID == a.mockContext.spanIDValue)
    }

    @Test("a new span's baggage is the union of its references' baggage, later references winning")
    func baggageUnion() throws {
        let tracer = MockTracer()
        let a = tracer.startSpan("a")
        a.setBaggageItem("shared", "from a")
        a.setBaggageItem("only-a", "1")
        let b = tracer.startSpan("b")
        b.setBaggageItem("shared", "from b")
        let child = tracer.startSpan("child", references: [.childOf(a.context), .followsFrom(b.context)])
        #expect(child.context.baggageItems == ["shared": "from b", "only-a": "1"])
        let scope = tracer.scopeManager.activate(a)
        let implicit = tracer.startSpan("implicit")
        scope.close()
        #expect(implicit.baggageItem("only-a") == "1", "the active parent's baggage is inherited")
    }

    @Test("setting baggage replaces the immutable context and keeps the identity")
    func baggageReplacesContext() throws {
        let tracer = MockTracer()
        let span = try #require(tracer.startSpan("a") as? MockSpan)
        let before = span.mockContext
        span.setBaggageItem("k", "v")
        let after = span.mockContext
        #expect(before.baggage.isEmpty)
        #expect(after.baggage == ["k": "v"])
        #expect(after.spanIDValue == before.spanIDValue)
        #expect(span.baggageItem("k") == "v")
    }

    @Test("start tags, later tags, operation name changes and logs are recorded")
    func recordsData() throws {
        let tracer = MockTracer()
        let start = Timestamp(microsecondsSinceEpoch: 1_000)
        let span = try #require(
            tracer.startSpan("op", tags: [SpanTag.component: "db"], startTime: start) as? MockSpan
        )
        span.setTag(SpanTag.httpStatusCode, 200)
        span.setTag(SpanTag.component, "cache")
        span.setOperationName("renamed")
        span.log(["event": "miss", "key": "user:42"], timestamp: Timestamp(microsecondsSinceEpoch: 1_500))
        span.log(event: "done")
        span.finish(at: Timestamp(microsecondsSinceEpoch: 2_000))
        #expect(span.operationName == "renamed")
        #expect(span.tags == [SpanTag.component: "cache", SpanTag.httpStatusCode: 200])
        #expect(span.startTime == start)
        #expect(span.finishTime == Timestamp(microsecondsSinceEpoch: 2_000))
        #expect(span.logs.count == 2)
        #expect(span.logs[0] == MockSpan.LogEntry(
            timestamp: Timestamp(microsecondsSinceEpoch: 1_500),
            fields: [LogField("event", "miss"), LogField("key", "user:42")]
        ))
        #expect(span.logs[1].fields == [LogField(LogFieldKey.event, "done")])
        #expect(span.logs[1].timestamp >= start)
    }

    @Test("recordError tags error=true and logs the error convention fields")
    func recordError() throws {
        struct Timeout: Error {}
        let tracer = MockTracer()
        let span = try #require(tracer.startSpan("op") as? MockSpan)
        span.recordError(Timeout())
        #expect(span.tags[SpanTag.error] == true)
        let fields = try #require(span.logs.first?.fields)
        #expect(fields.map(\.key) == [LogFieldKey.event, LogFieldKey.errorObject, LogFieldKey.errorKind, LogFieldKey.message])
        #expect(fields[0].value == "error")
    }

    @Test("only the first finish counts; later operations are ignored and each is recorded as a generated error")
    func finishOnce() throws {
        let tracer = MockTracer()
        let span = try #require(tracer.startSpan("op") as? MockSpan)
        span.finish(at: Timestamp(microsecondsSinceEpoch: 10))
        span.finish(at: Timestamp(microsecondsSinceEpoch: 20))
        span.setTag("late", true)
        span.log(event: "late")
        span.setBaggageItem("late", "1")
        span.setOperationName("late")
        #expect(span.finishTime == Timestamp(microsecondsSinceEpoch: 10))
        #expect(span.tags.isEmpty)
        #expect(span.logs.isEmpty)
        #expect(span.baggageItem("late") == nil)
        #expect(span.operationName == "op")
        #expect(span.generatedErrors.count == 5)
        #expect(span.generatedErrors.first == "finish called on finished span 'op'")
        #expect(tracer.finishedSpans.count == 1)
    }

    @Test("finished spans are kept in finish order, and reset forgets them")
    func finishOrderAndReset() {
        let tracer = MockTracer()
        let first = tracer.startSpan("first")
        let second = tracer.startSpan("second")
        second.finish()
        first.finish()
        #expect(tracer.finishedSpans.map(\.operationName) == ["second", "first"])
        #expect(tracer.finishedSpans.allSatisfy { $0.isFinished })
        tracer.reset()
        #expect(tracer.finishedSpans.isEmpty)
    }

    @Test("the tracer's withActiveSpan finishes the span, tags a thrown error, and restores the active span")
    func structuredSpan() throws {
        struct Failure: Error {}
        let tracer = MockTracer()
        #expect(throws: Failure.self) {
            try tracer.withActiveSpan("failing") { span in
                #expect(tracer.activeSpan === span)
                throw Failure()
            }
        }
        #expect(tracer.activeSpan == nil)
        let span = try #require(tracer.finishedSpans.first)
        #expect(span.operationName == "failing")
        #expect(span.tags[SpanTag.error] == true)
    }

    @Test("racing finishes from many threads record the span once; every other finish is a generated error")
    func racingFinishes() throws {
        let tracer = MockTracer()
        let span = try #require(tracer.startSpan("raced") as? MockSpan)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            span.finish()
        }
        #expect(tracer.finishedSpans.count == 1)
        #expect(span.generatedErrors.count == 7)
    }

    @Test("a span describes itself with its name, ids, parent, finish state and sorted tags")
    func description() throws {
        let tracer = MockTracer()
        let parent = MockSpanContext(traceIDValue: 0xabc, spanIDValue: 0x1)
        let span = try #require(tracer.startSpan("op", childOf: parent, tags: ["b": 2, "a": "x"]) as? MockSpan)
        let spanID = span.mockContext.spanID
        #expect(span.description == "MockSpan('op' trace 0000000000000abc span \(spanID) parent 0000000000000001 unfinished tags [a=x, b=2])")
    }
}

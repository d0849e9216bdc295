import Foundation
import OpenTracing
import Testing

/// A tracer that records the arguments its one start requirement receives.
private final class ArgumentRecordingTracer: Tracer, @unchecked Sendable {
    struct Call: Sendable {
        let operationName: String
        let references: [Reference]
        let tags: [String: TagValue]
        let startTime: Timestamp?
        let ignoreActiveSpan: Bool
    }

    private let lock = NSLock()
    private var calls: [Call] = []
    var recorded: [Call] { lock.withLock { calls } }
    var scopeManager: any ScopeManager { NoopTracer.shared.scopeManager }

    func startSpan(
        _ operationName: String,
        references: [Reference],
        tags: [String: TagValue],
        startTime: Timestamp?,
        ignoreActiveSpan: Bool
    ) -> any Span {
        let call = Call(
            operationName: operationName, references: references, tags: tags, startTime: startTime,
            ignoreActiveSpan: ignoreActiveSpan)
        lock.withLock { calls.append(call) }
        return NoopTracer.shared.startSpan(operationName)
    }

    func inject<Carrier>(_ context: any SpanContext, format: Format, into carrier: inout Carrier) throws {}
    func extract<Carrier>(format: Format, from carrier: Carrier) throws -> (any SpanContext)? { nil }
}

@Suite("Tracer conveniences")
struct TracerConveniencesTests {
    @Test("startSpan with a name only passes no references, no tags, no start time and uses the active span")
    func nameOnly() throws {
        let tracer = ArgumentRecordingTracer()
        _ = tracer.startSpan("plain")
        let call = try #require(tracer.recorded.first)
        #expect(call.operationName == "plain")
        #expect(call.references.isEmpty)
        #expect(call.tags.isEmpty)
        #expect(call.startTime == nil)
        #expect(call.ignoreActiveSpan == false)
    }

    @Test("without childOf, the references, tags and options pass on unchanged; with it, it comes first")
    func childOfIsPrepended() throws {
        let tracer = ArgumentRecordingTracer()
        let mock = MockTracer()
        let first = mock.startSpan("first").context
        let parent = mock.startSpan("parent").context
        let time = Timestamp(nanosecondsSinceEpoch: 42)
        _ = tracer.startSpan(
            "no parent", references: [.followsFrom(first)], tags: ["k": "v"], startTime: time, ignoreActiveSpan: true)
        _ = tracer.startSpan("with parent", childOf: parent, references: [.followsFrom(first)])
        let calls = tracer.recorded
        try #require(calls.count == 2)
        #expect(calls[0].references.map(\.kind) == [.followsFrom])
        #expect(calls[0].tags == ["k": "v"])
        #expect(calls[0].startTime == time)
        #expect(calls[0].ignoreActiveSpan)
        #expect(calls[1].references.map(\.kind) == [.childOf, .followsFrom])
        #expect((calls[1].references[0].context as? MockSpanContext) == (parent as? MockSpanContext))
    }
}

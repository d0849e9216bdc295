import Instrumentation
import PlainThreads
import Testing

@testable import OTelModel

/// Each thread memoises the binding of the last `InstrumentationContext` it looked up; these tests pin that the
/// memoised lookup always answers what a plain lookup (`context[OTelContextKey.self]`) answers.
@Suite("Context: memoised binding lookup")
struct ContextBindingLookupTests {
    private enum OtherKey: InstrumentationContextKey {
        typealias Value = Int
    }

    private func currentSpanID() -> SpanID? { OTelContext.current.span?.context.spanID }

    /// The current binding, looked up without the memo.
    private func plainCurrentBinding() -> ContextBinding? {
        InstrumentationContext.current?[OTelContextKey.self]
    }

    @Test("alternating and nested contexts on one thread: every read matches a plain lookup")
    func alternatingContextsMatchPlainLookup() {
        onNewThread {
            var first = InstrumentationContext.topLevel
            first.otelContext = OTelContext(span: contextSpan(1))
            var second = InstrumentationContext.topLevel
            second.otelContext = OTelContext(span: contextSpan(2))
            for _ in 0..<3 {
                InstrumentationContext.withValue(first) {
                    #expect(currentSpanID() == SpanID(value: 1))
                    #expect(ContextRegistry.shared.currentBinding() === plainCurrentBinding())
                    InstrumentationContext.withValue(second) {
                        #expect(currentSpanID() == SpanID(value: 2))
                        #expect(ContextRegistry.shared.currentBinding() === plainCurrentBinding())
                    }
                    #expect(currentSpanID() == SpanID(value: 1))
                }
                #expect(currentSpanID() == nil)
                #expect(ContextRegistry.shared.currentBinding() == nil)
            }
        }
    }

    @Test("a copy changed in another key keeps the binding; a copy without the binding, or no context, is empty")
    func changedCopiesAreLookedUpAgain() {
        onNewThread {
            var context = InstrumentationContext.topLevel
            context.otelContext = OTelContext(span: contextSpan(3))
            InstrumentationContext.withValue(context) {
                #expect(currentSpanID() == SpanID(value: 3))
                var other = InstrumentationContext.current ?? .topLevel
                other[OtherKey.self] = 42
                InstrumentationContext.withValue(other) {
                    #expect(currentSpanID() == SpanID(value: 3))
                    #expect(ContextRegistry.shared.currentBinding() === plainCurrentBinding())
                }
                var cleared = InstrumentationContext.current ?? .topLevel
                cleared.otelContext = nil
                InstrumentationContext.withValue(cleared) {
                    #expect(currentSpanID() == nil)
                    #expect(ContextRegistry.shared.currentBinding() == nil)
                }
                InstrumentationContext.withValue(nil) {
                    #expect(currentSpanID() == nil)
                }
                InstrumentationContext.withValue(.topLevel) {
                    #expect(currentSpanID() == nil)
                }
                #expect(currentSpanID() == SpanID(value: 3))
            }
        }
    }

    @Test("resolving stored contexts in turn gives each one's own binding")
    func resolvingStoredContexts() {
        onNewThread {
            let stored = (1...4).map { index in
                var context = InstrumentationContext.topLevel
                context.otelContext = OTelContext(span: contextSpan(UInt64(index)))
                return context
            }
            for _ in 0..<2 {
                for (offset, context) in stored.enumerated() {
                    let resolved = OTelContext.resolved(from: context)
                    #expect(resolved.span?.context.spanID == SpanID(value: UInt64(offset + 1)))
                }
            }
            #expect(OTelContext.resolved(from: .topLevel).span == nil)
        }
    }

    @Test("tasks interleaving on one thread, each under its own binding, each see only their own")
    func interleavedTasksOnOneThread() async {
        let executor = SingleThreadExecutor()
        defer { executor.stop() }
        let wrongReads = AtomicCounter()
        await withTaskGroup(of: Void.self) { group in
            for index in 1...4 {
                group.addTask(executorPreference: executor) {
                    await OTelContext.withValue(OTelContext(span: contextSpan(UInt64(index)))) {
                        for _ in 0..<50 {
                            await Task.yield()
                            if OTelContext.current.span?.context.spanID != SpanID(value: UInt64(index)) {
                                wrongReads.increment()
                            }
                        }
                    }
                    if OTelContext.current.span != nil { wrongReads.increment() }
                }
            }
        }
        #expect(wrongReads.value == 0)
    }
}

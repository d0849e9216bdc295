import PlainThreads
import Instrumentation
import Synchronization
import Testing

@testable import OTelModel

@Suite("Context: structured and imperative")
struct ContextTests {
    private func currentSpanID() -> SpanID? { OTelContext.current.span?.context.spanID }

    @Test("with nothing bound or attached, current is empty")
    func emptyByDefault() async {
        await Task.detached {
            #expect(OTelContext.current.span == nil)
            #expect(OTelContext.current.baggage.isEmpty)
        }.value
        #expect(onNewThread { OTelContext.current.span == nil })
    }

    @Test("withValue binds span and baggage for sync code and restores the outer context")
    func structuredSync() {
        let baggage = OTelBaggage().setting(name: "user", value: "42")
        let outer = contextSpan(1)
        OTelContext.withValue(OTelContext(span: outer, baggage: baggage)) {
            #expect(currentSpanID() == SpanID(value: 1))
            OTelContext.withSpan(contextSpan(2)) {
                #expect(currentSpanID() == SpanID(value: 2))
                #expect(OTelContext.current.baggage["user"] == "42")
            }
            #expect(currentSpanID() == SpanID(value: 1))
        }
        #expect(currentSpanID() == nil)
    }

    @Test("a structured binding crosses awaits and reaches async let, group children and Task {}, not Task.detached")
    func structuredAsync() async {
        await OTelContext.withSpan(contextSpan(7)) {
            for _ in 0..<20 { await Task.yield() }
            #expect(currentSpanID() == SpanID(value: 7))
            async let fromAsyncLet = currentSpanID()
            #expect(await fromAsyncLet == SpanID(value: 7))
            let fromGroup = await withTaskGroup(of: SpanID?.self) { group in
                group.addTask { self.currentSpanID() }
                return await group.next() ?? nil
            }
            #expect(fromGroup == SpanID(value: 7))
            #expect(await Task { self.currentSpanID() }.value == SpanID(value: 7))
            #expect(await Task.detached { self.currentSpanID() }.value == nil)
        }
    }

    @Test("the binding is visible to swift-distributed-tracing through InstrumentationContext.current")
    func sharedWithDistributedTracing() {
        OTelContext.withSpan(contextSpan(3)) {
            #expect(InstrumentationContext.current?.otelContext?.span?.context.spanID == SpanID(value: 3))
        }
        var instrumentationContext = InstrumentationContext.topLevel
        instrumentationContext.otelContext = OTelContext(span: contextSpan(4))
        InstrumentationContext.withValue(instrumentationContext) {
            #expect(currentSpanID() == SpanID(value: 4))
        }
    }

    @Test("nested attachments on 64 threads: each thread sees only its own innermost one")
    func threadIsolation() {
        let wrongReads = AtomicCounter()
        runOnNewThreads(64) { index in
            #expect(OTelContext.current.span == nil)
            let outer = OTelContext.attach(OTelContext(span: contextSpan(UInt64(100 + index))))
            for round in 0..<100 {
                let inner = OTelContext.attach(OTelContext(span: contextSpan(UInt64(1_000 * index + round))))
                if OTelContext.current.span?.context.spanID != SpanID(value: UInt64(1_000 * index + round)) {
                    wrongReads.increment()
                }
                #expect(inner.detach() == .detached)
                if OTelContext.current.span?.context.spanID != SpanID(value: UInt64(100 + index)) {
                    wrongReads.increment()
                }
            }
            #expect(outer.detach() == .detached)
            #expect(OTelContext.current.span == nil)
        }
        #expect(wrongReads.value == 0)
    }

    @Test("5000 tasks: attachments are per task, survive awaits and thread hops, and leave no stack behind")
    func taskIsolation() async {
        let wrongReads = AtomicCounter()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<5_000 {
                group.addTask {
                    if OTelContext.current.span != nil { wrongReads.increment() }
                    let token = OTelContext.attach(OTelContext(span: contextSpan(UInt64(index + 1))))
                    for _ in 0..<5 {
                        await Task.yield()
                        if OTelContext.current.span?.context.spanID != SpanID(value: UInt64(index + 1)) {
                            wrongReads.increment()
                        }
                    }
                    if token.detach() != .detached { wrongReads.increment() }
                    if OTelContext.current.span != nil || currentTaskHasStack() {
                        wrongReads.increment()
                    }
                }
            }
        }
        #expect(wrongReads.value == 0)
    }

    @Test("tasks interleaving on one thread each see only their own attachments")
    func oneThreadInterleaving() async {
        let executor = SingleThreadExecutor()
        defer { executor.stop() }
        let wrongReads = AtomicCounter()
        await withTaskGroup(of: Void.self) { group in
            for index in 1...4 {
                group.addTask(executorPreference: executor) {
                    let token = OTelContext.attach(OTelContext(span: contextSpan(UInt64(index))))
                    for _ in 0..<50 {
                        await Task.yield()
                        if OTelContext.current.span?.context.spanID != SpanID(value: UInt64(index)) {
                            wrongReads.increment()
                        }
                    }
                    if token.detach() != .detached { wrongReads.increment() }
                    if OTelContext.current.span != nil { wrongReads.increment() }
                }
            }
        }
        #expect(wrongReads.value == 0)
    }

    @Test("attachments are not inherited by child tasks; withActiveContext hands them over")
    func childTasksAndBridge() async {
        let token = OTelContext.attach(OTelContext(span: contextSpan(9)))
        #expect(await Task { self.currentSpanID() }.value == nil)
        async let unbridged = currentSpanID()
        #expect(await unbridged == nil)
        await OTelContext.withActiveContext {
            #expect(await Task { self.currentSpanID() }.value == SpanID(value: 9))
            #expect(InstrumentationContext.current?.otelContext?.span?.context.spanID == SpanID(value: 9))
        }
        #expect(token.detach() == .detached)
    }

    @Test("an attachment inside a structured binding wins, and the binding comes back after detach")
    func imperativeInsideStructured() async {
        await OTelContext.withSpan(contextSpan(1)) {
            let token = OTelContext.attach(OTelContext.current.withSpan(contextSpan(2)))
            await Task.yield()
            #expect(currentSpanID() == SpanID(value: 2))
            #expect(token.detach() == .detached)
            #expect(currentSpanID() == SpanID(value: 1))
        }
        onNewThread {
            OTelContext.withSpan(contextSpan(1)) {
                let token = OTelContext.attach(OTelContext(span: contextSpan(2)))
                #expect(self.currentSpanID() == SpanID(value: 2))
                #expect(token.detach() == .detached)
                #expect(self.currentSpanID() == SpanID(value: 1))
            }
        }
    }

    @Test("a structured binding inside an attachment wins, and the attachment comes back after it")
    func structuredInsideImperative() async {
        let baggage = OTelBaggage().setting(name: "k", value: "v")
        let token = OTelContext.attach(OTelContext(span: contextSpan(1), baggage: baggage))
        await OTelContext.withSpan(contextSpan(2)) {
            await Task.yield()
            #expect(currentSpanID() == SpanID(value: 2))
            #expect(OTelContext.current.baggage["k"] == "v")
        }
        #expect(currentSpanID() == SpanID(value: 1))
        #expect(token.detach() == .detached)
        #expect(currentSpanID() == nil)
    }

    @Test("re-binding the attached span inside the attachment still wins (tokens, not spans, are compared)")
    func rebindingOuterSpan() {
        onNewThread {
            let outer = contextSpan(1)
            let token = OTelContext.attach(OTelContext(span: outer))
            OTelContext.withSpan(contextSpan(2)) {
                OTelContext.withSpan(outer) {
                    let inner = OTelContext.attach(OTelContext(span: contextSpan(3)))
                    #expect(self.currentSpanID() == SpanID(value: 3))
                    inner.detach()
                    #expect(self.currentSpanID() == SpanID(value: 1))
                }
                #expect(self.currentSpanID() == SpanID(value: 2))
            }
            #expect(token.detach() == .detached)
        }
    }

    @Test("an attachment leaked past the end of a binding is invisible and hides nothing")
    func leakedPastBinding() {
        onNewThread {
            let outer = OTelContext.attach(OTelContext(span: contextSpan(1)))
            var leaked: OTelContextToken?
            OTelContext.withSpan(contextSpan(2)) {
                leaked = OTelContext.attach(OTelContext(span: contextSpan(3)))
            }
            #expect(self.currentSpanID() == SpanID(value: 1))
            #expect(leaked?.detach() == .detached)
            #expect(outer.detach() == .detached)
            #expect(self.currentSpanID() == nil)
        }
    }

    @Test("an attachment never detached in a finished task is not seen by later tasks")
    func leakedInFinishedTask() async {
        await Task { _ = OTelContext.attach(OTelContext(span: contextSpan(66))) }.value
        let seen = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 { group.addTask { OTelContext.current.span != nil } }
            return await group.reduce(false) { $0 || $1 }
        }
        #expect(!seen)
    }

    @Test("startSpan parents on the current context by default")
    func startSpanUsesCurrent() {
        let provider = OTelTracerProvider(resource: OTelResource(), processors: [])
        let tracer = provider.tracer(name: "t")
        onNewThread {
            let parent = tracer.startSpan("parent", parent: nil)
            let token = OTelContext.attach(OTelContext(span: parent))
            let child = tracer.startSpan("child")
            #expect(child.parentSpanID == parent.context.spanID)
            #expect(child.context.traceID == parent.context.traceID)
            token.detach()
            #expect(tracer.startSpan("root").parentSpanID == nil)
        }
    }

    @Test("resolving the current InstrumentationContext sees an attachment made inside it; a stored one does not")
    func resolvedFromInstrumentationContext() {
        onNewThread {
            OTelContext.withSpan(contextSpan(1)) {
                let stored = InstrumentationContext.current ?? .topLevel
                let token = OTelContext.attach(OTelContext(span: contextSpan(2)))
                #expect(
                    OTelContext.resolved(from: InstrumentationContext.current ?? .topLevel).span?.context.spanID
                        == SpanID(value: 2))
                var other = stored
                other.otelContext = OTelContext(span: contextSpan(3))
                #expect(OTelContext.resolved(from: other).span?.context.spanID == SpanID(value: 3))
                token.detach()
            }
            #expect(OTelContext.resolved(from: .topLevel).span == nil)
        }
    }

    @Test("currentToken is the winning attachment's token, or nil when a binding wins")
    func currentToken() {
        onNewThread {
            #expect(OTelContext.currentToken == nil)
            let token = OTelContext.attach(OTelContext(span: contextSpan(1)))
            #expect(OTelContext.currentToken === token)
            OTelContext.withSpan(contextSpan(2)) {
                #expect(OTelContext.currentToken == nil)
            }
            token.detach()
            #expect(OTelContext.currentToken == nil)
        }
    }

    @Test("the attachment object travels with the context")
    func attachmentObject() {
        final class ShimSpan: Sendable {}
        let shim = ShimSpan()
        onNewThread {
            let token = OTelContext.attach(OTelContext(span: contextSpan(1), attachment: shim))
            #expect(OTelContext.current.attachment === shim)
            #expect(OTelContext.current.withSpan(contextSpan(2)).attachment == nil)
            token.detach()
        }
    }
}

@Suite("Context: misuse")
struct ContextMisuseTests {
    private func currentSpanID() -> SpanID? { OTelContext.current.span?.context.spanID }

    @Test("an out-of-order detach is reported and never changes what is current", arguments: [false, true])
    func outOfOrder(inTask: Bool) async {
        let check: @Sendable () -> Void = {
            let misuseBefore = OTelContext.misuseCount
            let first = OTelContext.attach(OTelContext(span: contextSpan(1)))
            let second = OTelContext.attach(OTelContext(span: contextSpan(2)))
            #expect(first.detach() == .detachedOutOfOrder)
            #expect(OTelContext.current.span?.context.spanID == SpanID(value: 2))
            let third = OTelContext.attach(OTelContext(span: contextSpan(3)))
            #expect(OTelContext.current.span?.context.spanID == SpanID(value: 3))
            #expect(third.detach() == .detached)
            #expect(OTelContext.current.span?.context.spanID == SpanID(value: 2))
            #expect(second.detach() == .detached)
            #expect(OTelContext.current.span == nil)
            #expect(OTelContext.misuseCount >= misuseBefore + 1)
        }
        if inTask {
            await Task {
                check()
                #expect(!currentTaskHasStack())
            }.value
        } else {
            onNewThread(check)
        }
    }

    @Test("a second detach is reported and does nothing", arguments: [false, true])
    func doubleDetach(inTask: Bool) async {
        let check: @Sendable () -> Void = {
            let outer = OTelContext.attach(OTelContext(span: contextSpan(1)))
            let inner = OTelContext.attach(OTelContext(span: contextSpan(2)))
            #expect(inner.detach() == .detached)
            #expect(inner.detach() == .alreadyDetached)
            #expect(!inner.isAttached)
            #expect(OTelContext.current.span?.context.spanID == SpanID(value: 1))
            #expect(outer.detach() == .detached)
            #expect(outer.detach() == .alreadyDetached)
            #expect(OTelContext.current.span == nil)
        }
        if inTask {
            await Task { check() }.value
        } else {
            onNewThread(check)
        }
    }

    @Test("a detach from another thread is reported; the owner thread stops seeing the entry at once")
    func wrongThread() {
        runOnNewThreads(1) { _ in
            let outer = OTelContext.attach(OTelContext(span: contextSpan(1)))
            let inner = OTelContext.attach(OTelContext(span: contextSpan(2)))
            #expect(onNewThread { inner.detach() } == .detachedFromAnotherContext)
            #expect(OTelContext.current.span?.context.spanID == SpanID(value: 1))
            #expect(outer.detach() == .detached)
            #expect(OTelContext.current.span == nil)
            #expect(ContextRegistry.shared.existingThreadStack()?.entries.isEmpty == true)
        }
    }

    @Test("a detach from another task is reported and still cleans the owner's stack")
    func wrongTask() async {
        let (tokens, tokensContinuation) = AsyncStream<OTelContextToken>.makeStream()
        let (done, doneContinuation) = AsyncStream<OTelContextDetachResult>.makeStream()
        let owner = Task {
            let token = OTelContext.attach(OTelContext(span: contextSpan(5)))
            tokensContinuation.yield(token)
            var results = done.makeAsyncIterator()
            let result = await results.next()
            let seen = OTelContext.current.span
            return (result, seen == nil, currentTaskHasStack())
        }
        var iterator = tokens.makeAsyncIterator()
        let token = await iterator.next()
        let result = await Task { token?.detach() }.value
        doneContinuation.yield(result ?? .alreadyDetached)
        let (reported, ownerSeesNothing, ownerHasStack) = await owner.value
        #expect(reported == .detachedFromAnotherContext)
        #expect(ownerSeesNothing)
        #expect(!ownerHasStack)
    }

    @Test("openScopeCount counts attached tokens")
    func openScopeCount() {
        onNewThread {
            let tokens = (1...3).map { OTelContext.attach(OTelContext(span: contextSpan(UInt64($0)))) }
            #expect(OTelContext.openScopeCount >= 3)
            for token in tokens.reversed() { #expect(token.detach() == .detached) }
        }
    }
}

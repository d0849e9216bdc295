import Foundation
import OpenTracing
import Testing

@Suite("ThreadLocalScopeManager")
struct ThreadLocalScopeManagerTests {
    let log = MisuseLog()
    let manager: ThreadLocalScopeManager
    let tracer: MockTracer

    init() {
        manager = ThreadLocalScopeManager(misuseHandler: { [log] in log.record($0) })
        tracer = MockTracer(scopeManager: manager)
    }

    @Test("nested activations make the innermost span active, and closing restores the outer one")
    func nesting() {
        onOtherThread { [manager, tracer, log] in
            let outer = tracer.startSpan("outer")
            let inner = tracer.startSpan("inner")
            #expect(manager.active == nil)
            let outerScope = manager.activate(outer)
            #expect(manager.active?.span === outer)
            let innerScope = manager.activate(inner)
            #expect(manager.active?.span === inner)
            #expect(manager.active === innerScope)
            innerScope.close()
            #expect(manager.active?.span === outer)
            outerScope.close()
            #expect(manager.active == nil)
            #expect(manager.openScopeCount == 0)
            #expect(log.kinds.isEmpty)
        }
    }

    @Test("finishOnClose finishes the span on close, and only then")
    func finishOnClose() throws {
        let finishing = manager.activate(tracer.startSpan("finishing"), finishOnClose: true)
        let keeping = manager.activate(tracer.startSpan("keeping"), finishOnClose: false)
        keeping.close()
        #expect(tracer.finishedSpans.isEmpty)
        finishing.close()
        #expect(tracer.finishedSpans.map(\.operationName) == ["finishing"])
    }

    @Test("an out-of-order close is reported, deactivates only that scope, and never corrupts the active span")
    func outOfOrderClose() {
        let a = tracer.startSpan("a"), b = tracer.startSpan("b"), c = tracer.startSpan("c")
        let scopeA = manager.activate(a)
        let scopeB = manager.activate(b)
        let scopeC = manager.activate(c)
        scopeB.close()
        #expect(log.kinds == [.outOfOrderClose])
        #expect(manager.active?.span === c)
        scopeC.close()
        #expect(manager.active?.span === a, "the closed b is skipped")
        let d = tracer.startSpan("d")
        let scopeD = manager.activate(d)
        #expect(manager.active?.span === d)
        scopeD.close()
        #expect(manager.active?.span === a)
        scopeA.close()
        #expect(manager.active == nil)
        #expect(log.kinds == [.outOfOrderClose])
        #expect(manager.misuseCount(.outOfOrderClose) == 1)
        #expect(manager.openScopeCount == 0)
    }

    @Test("closing the outer scope first leaves the inner one active until it closes")
    func outerClosedFirst() {
        let outer = manager.activate(tracer.startSpan("outer"), finishOnClose: true)
        let inner = manager.activate(tracer.startSpan("inner"))
        outer.close()
        #expect(manager.active === inner)
        #expect(tracer.finishedSpans.map(\.operationName) == ["outer"])
        inner.close()
        #expect(manager.active == nil)
        #expect(log.kinds == [.outOfOrderClose])
    }

    @Test("a double close is reported and ignored: it neither finishes again nor deactivates another scope")
    func doubleClose() throws {
        let outer = manager.activate(tracer.startSpan("outer"))
        let inner = manager.activate(tracer.startSpan("inner"), finishOnClose: true)
        inner.close()
        #expect(manager.active === outer)
        inner.close()
        #expect(manager.active === outer)
        #expect(log.kinds == [.doubleClose])
        #expect(manager.misuseCount(.doubleClose) == 1)
        let span = try #require(tracer.finishedSpans.first)
        #expect(span.generatedErrors.isEmpty, "the span was not finished a second time")
        outer.close()
        #expect(manager.active == nil)
    }

    @Test("a close on another thread is reported, deactivates the span, and leaves that thread's stack to its owner")
    func closeFromOtherThread() {
        let outer = manager.activate(tracer.startSpan("outer"))
        let inner = manager.activate(tracer.startSpan("inner"), finishOnClose: true)
        onOtherThread { [manager] in
            #expect(manager.active == nil, "threads do not see each other's scopes")
            let local = manager.activate(inner.span)
            inner.close()
            #expect(manager.active === local, "the other thread's own stack is untouched")
            local.close()
            #expect(manager.active == nil)
        }
        #expect(log.kinds == [.closedOnOtherThread])
        #expect(tracer.finishedSpans.map(\.operationName) == ["inner"])
        #expect(manager.active === outer)
        outer.close()
        #expect(manager.active == nil)
        #expect(manager.openScopeCount == 0)
    }

    @Test("two managers on one thread never see each other's scopes")
    func managersAreIndependent() {
        let other = ThreadLocalScopeManager()
        let mine = manager.activate(tracer.startSpan("mine"))
        #expect(other.active == nil)
        let theirs = other.activate(tracer.startSpan("theirs"))
        #expect(manager.active === mine)
        mine.close()
        #expect(other.active === theirs)
        #expect(manager.active == nil)
        theirs.close()
        #expect(log.kinds.isEmpty, "interleaving two managers is not misuse")
    }

    @Test("scopes nest independently on many threads at once")
    func manyThreads() async {
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<16 {
                group.addTask { [manager, tracer] in
                    onOtherThread {
                        var scopes: [any Scope] = []
                        for depth in 0..<8 {
                            let span = tracer.startSpan("t\(index)-\(depth)")
                            scopes.append(manager.activate(span))
                            #expect(manager.active?.span === span)
                        }
                        while let scope = scopes.popLast() {
                            scope.close()
                            #expect(manager.active?.span === scopes.last?.span)
                        }
                    }
                }
            }
        }
        #expect(manager.openScopeCount == 0)
        #expect(log.kinds.isEmpty)
    }

    @Test("a task activating on top of another task's scope left open across await is reported as activatedInTask")
    func activatedInTask() async {
        let executor = SingleThreadExecutor.shared
        await withTaskExecutorPreference(executor) { [manager, tracer, log] in
            let first = tracer.startSpan("first")
            let scope = manager.activate(first)
            #expect(log.kinds.isEmpty, "a task activating a scope is fine by itself")
            // Suspend with the scope open; another task then runs on the same thread and sees it.
            await Task(executorPreference: executor) {
                #expect(manager.active?.span === first)
                manager.activate(tracer.startSpan("second")).close()
            }.value
            scope.close()
        }
        #expect(log.kinds == [.activatedInTask])
        #expect(manager.misuseCount(.activatedInTask) == 1)
        #expect(manager.active == nil)
    }

    @Test("without a handler, misuse is counted every time")
    func countsWithoutHandler() {
        let quiet = ThreadLocalScopeManager()
        onOtherThread {
            let scope = quiet.activate(NoopTracer.shared.startSpan("x"))
            scope.close()
            scope.close()
            scope.close()
        }
        #expect(quiet.misuseCount(.doubleClose) == 2)
        #expect(quiet.misuseCount(.outOfOrderClose) == 0)
    }

    @Test("structured activation binds the span across await and into child tasks, also with this manager")
    func structuredAcrossAwait() async {
        let span = tracer.startSpan("structured")
        await tracer.withActiveSpan("outer") { outer in
            await manager.withActiveSpan(span, isolation: #isolation) { [manager] in
                await Task.yield()
                #expect(manager.active?.span === span)
                let childSaw = await Task { manager.active?.span }.value
                #expect(childSaw === span)
            }
            #expect(manager.active?.span === outer)
        }
        #expect(manager.active == nil)
        #expect(log.kinds.isEmpty)
    }

    @Test("an imperative scope inside a structured span wins until closed, and the reverse, on a plain thread")
    func mixingKinds() {
        onOtherThread { [manager, tracer, log] in
            let structured = tracer.startSpan("structured"), imperative = tracer.startSpan("imperative")
            manager.withActiveSpan(structured) {
                let scope = manager.activate(imperative)
                #expect(manager.active === scope)
                scope.close()
                #expect(manager.active?.span === structured)
            }
            let scope = manager.activate(imperative)
            manager.withActiveSpan(structured) {
                #expect(manager.active?.span === structured)
                let child = tracer.startSpan("child") as? MockSpan
                #expect(child?.parentSpanID == (structured as? MockSpan)?.mockContext.spanIDValue)
            }
            #expect(manager.active === scope)
            scope.close()
            #expect(manager.active == nil)
            #expect(log.kinds.isEmpty)
        }
    }
}

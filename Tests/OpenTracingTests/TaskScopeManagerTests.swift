import Foundation
import OpenTracing
import Testing

@Suite("TaskScopeManager")
struct TaskScopeManagerTests {
    let log = MisuseLog()
    let manager: TaskScopeManager
    let tracer: MockTracer

    init() {
        manager = TaskScopeManager(misuseHandler: { [log] in log.record($0) })
        tracer = MockTracer(scopeManager: manager)
    }

    /// Asserts that nothing leaked: no open scope, no retained task, no misuse.
    private func expectClean(misuse: [ScopeMisuse] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(manager.openScopeCount == 0, sourceLocation: sourceLocation)
        #expect(manager.liveTaskStackCount == 0, sourceLocation: sourceLocation)
        #expect(log.kinds == misuse, sourceLocation: sourceLocation)
    }

    // MARK: - Imperative scopes

    @Test("in a task, nested activations make the innermost span active across await, and closing restores the outer")
    func nestingInTask() async {
        let outer = tracer.startSpan("outer"), inner = tracer.startSpan("inner")
        #expect(manager.active == nil)
        let outerScope = manager.activate(outer)
        await Task.yield()
        #expect(manager.active?.span === outer)
        let innerScope = manager.activate(inner)
        await Task.yield()
        #expect(manager.active === innerScope)
        innerScope.close()
        await Task.yield()
        #expect(manager.active === outerScope)
        outerScope.close()
        #expect(manager.active == nil)
        expectClean()
    }

    @Test("on a thread outside any task, nested activations use the thread's stack")
    func nestingOnThread() {
        onOtherThread { [manager, tracer] in
            let outer = manager.activate(tracer.startSpan("outer"))
            let inner = manager.activate(tracer.startSpan("inner"))
            #expect(manager.active === inner)
            inner.close()
            #expect(manager.active === outer)
            outer.close()
            #expect(manager.active == nil)
        }
        expectClean()
    }

    @Test("finishOnClose finishes the span on close, and only then")
    func finishOnClose() async {
        let finishing = manager.activate(tracer.startSpan("finishing"), finishOnClose: true)
        let keeping = manager.activate(tracer.startSpan("keeping"), finishOnClose: false)
        keeping.close()
        #expect(tracer.finishedSpans.isEmpty)
        await Task.yield()
        finishing.close()
        #expect(tracer.finishedSpans.map(\.operationName) == ["finishing"])
        expectClean()
    }

    @Test("an out-of-order close in a task is reported and never corrupts the active span")
    func outOfOrderCloseInTask() async {
        let a = tracer.startSpan("a"), b = tracer.startSpan("b"), c = tracer.startSpan("c")
        let scopeA = manager.activate(a)
        let scopeB = manager.activate(b)
        let scopeC = manager.activate(c)
        scopeB.close()
        #expect(log.kinds == [.outOfOrderClose])
        #expect(manager.active?.span === c)
        await Task.yield()
        scopeC.close()
        #expect(manager.active?.span === a)
        let scopeD = manager.activate(tracer.startSpan("d"))
        #expect(manager.active === scopeD)
        scopeD.close()
        #expect(manager.active === scopeA)
        scopeA.close()
        #expect(manager.active == nil)
        expectClean(misuse: [.outOfOrderClose])
    }

    @Test("an out-of-order close on a thread is reported and never corrupts the active span")
    func outOfOrderCloseOnThread() {
        onOtherThread { [manager, tracer] in
            let scopeA = manager.activate(tracer.startSpan("a"))
            let scopeB = manager.activate(tracer.startSpan("b"))
            scopeA.close()
            #expect(manager.active === scopeB)
            scopeB.close()
            #expect(manager.active == nil)
        }
        expectClean(misuse: [.outOfOrderClose])
    }

    @Test("a double close is reported and ignored: it neither finishes again nor deactivates another scope")
    func doubleClose() async throws {
        let outer = manager.activate(tracer.startSpan("outer"))
        let inner = manager.activate(tracer.startSpan("inner"), finishOnClose: true)
        inner.close()
        #expect(manager.active === outer)
        inner.close()
        #expect(manager.active === outer)
        let span = try #require(tracer.finishedSpans.first)
        #expect(span.generatedErrors.isEmpty)
        outer.close()
        #expect(manager.active == nil)
        expectClean(misuse: [.doubleClose])
    }

    @Test("a close in another task is reported, deactivates the scope, and leaves the other task's scopes alone")
    func closeInOtherTask() async {
        let outer = manager.activate(tracer.startSpan("outer"))
        let inner = manager.activate(tracer.startSpan("inner"), finishOnClose: true)
        await Task.detached { [manager, tracer] in
            let local = manager.activate(tracer.startSpan("local"))
            inner.close()
            #expect(manager.active === local)
            local.close()
            #expect(manager.active == nil)
        }.value
        #expect(manager.active === outer)
        #expect(tracer.finishedSpans.map(\.operationName) == ["inner"])
        outer.close()
        expectClean(misuse: [.closedInOtherTask])
    }

    @Test("a task's scope closed from a plain thread is reported and cleaned up")
    func taskScopeClosedOnThread() async {
        let outer = manager.activate(tracer.startSpan("outer"))
        let inner = manager.activate(tracer.startSpan("inner"))
        onOtherThread { inner.close() }
        #expect(manager.active === outer)
        outer.close()
        #expect(manager.active == nil)
        expectClean(misuse: [.closedOnOtherThread])
    }

    @Test("a thread's scope closed on another thread is reported; the owning thread removes it later")
    func threadScopeClosedOnOtherThread() {
        let box = ScopeBox()
        onOtherThread { [manager, tracer] in
            let outer = manager.activate(tracer.startSpan("outer"))
            box.scope = manager.activate(tracer.startSpan("inner"))
            onOtherThread { box.scope?.close() }
            #expect(manager.active === outer)
            outer.close()
            #expect(manager.active == nil)
        }
        expectClean(misuse: [.closedOnOtherThread])
    }

    @Test("100 concurrent tasks, each with its own imperative scope across several awaits, never see each other's span")
    func concurrentTasksAreIsolated() async {
        let wrongReads = await withTaskGroup(of: Int.self) { group in
            for index in 0..<100 {
                group.addTask { [manager, tracer] in
                    var wrong = manager.active == nil ? 0 : 1
                    let span = tracer.startSpan("task \(index)")
                    let scope = manager.activate(span)
                    for _ in 0..<5 {
                        await Task.yield()
                        if manager.active?.span !== span { wrong += 1 }
                        let child = tracer.startSpan("child") as? MockSpan
                        if child?.parentSpanID != (span as? MockSpan)?.mockContext.spanIDValue { wrong += 1 }
                    }
                    scope.close()
                    if manager.active != nil { wrong += 1 }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrongReads == 0)
        expectClean()
    }

    @Test("two tasks interleaving on one thread each keep their own imperative scope")
    func interleavingOnOneThread() async {
        await withTaskExecutorPreference(SingleThreadExecutor.shared) {
            await interleave()
        }
    }

    private func interleave() async {
        let (firstActivated, firstSignal) = AsyncStream<Void>.makeStream()
        let (secondActivated, secondSignal) = AsyncStream<Void>.makeStream()
        let first = Task(executorPreference: SingleThreadExecutor.shared) { [manager, tracer] in
            let span = tracer.startSpan("first")
            let scope = manager.activate(span)
            firstSignal.yield()
            for await _ in secondActivated { break }
            #expect(manager.active?.span === span)
            scope.close()
        }
        for await _ in firstActivated { break }
        #expect(manager.active == nil, "the first task's scope is not visible to the test's task")
        let span = tracer.startSpan("second")
        let scope = manager.activate(span)
        secondSignal.yield()
        await first.value
        #expect(manager.active?.span === span)
        scope.close()
        expectClean()
    }

    @Test("2000 concurrent tasks × 5 awaits: no task ever reads another's span, and every stack is released")
    func manyConcurrentTasks() async {
        let wrongReads = await withTaskGroup(of: Int.self) { group in
            for index in 0..<2_000 {
                group.addTask { [manager, tracer] in
                    var wrong = manager.active == nil ? 0 : 1
                    let span = tracer.startSpan("task \(index)")
                    let scope = manager.activate(span, finishOnClose: true)
                    for _ in 0..<5 {
                        await Task.yield()
                        if manager.active?.span !== span { wrong += 1 }
                    }
                    scope.close()
                    return wrong + (manager.active == nil ? 0 : 1)
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrongReads == 0)
        #expect(tracer.finishedSpans.count == 2_000)
        expectClean()
    }

    @Test("a scope leaked by a finished task is never seen by the tasks that run after it")
    func leakedScopeIsNotInherited() async {
        let leaked = await Task.detached { [manager, tracer] in
            manager.activate(tracer.startSpan("leaked"))
        }.value
        var sawLeak = 0
        for _ in 0..<500 {
            let saw = await Task.detached { [manager] in manager.active != nil }.value
            if saw { sawLeak += 1 }
        }
        #expect(sawLeak == 0)
        leaked.close()
        expectClean(misuse: [.closedInOtherTask])
    }

    // MARK: - Structured binding

    @Test("withActiveSpan keeps the span active across await, and restores the previous one afterwards")
    func structuredAcrossAwait() async {
        let span = tracer.startSpan("structured")
        await manager.withActiveSpan(span, isolation: #isolation) {
            for _ in 0..<10 {
                await Task.yield()
                #expect(manager.active?.span === span)
            }
        }
        #expect(manager.active == nil)
        #expect(tracer.finishedSpans.isEmpty, "withActiveSpan does not finish the span")
        expectClean()
    }

    @Test("the synchronous withActiveSpan works in a task and on a plain thread")
    func structuredSync() async {
        let span = tracer.startSpan("structured")
        manager.withActiveSpan(span) { #expect(manager.active?.span === span) }
        #expect(manager.active == nil)
        onOtherThread { [manager] in
            manager.withActiveSpan(span) { #expect(manager.active?.span === span) }
            #expect(manager.active == nil)
        }
    }

    @Test("child tasks (task group, async let, Task {}) see the structured span; a detached task does not")
    func childTasksInherit() async {
        let span = tracer.startSpan("parent")
        await manager.withActiveSpan(span, isolation: #isolation) { [manager] in
            let groupSaw = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        await Task.yield()
                        return manager.active?.span === span
                    }
                }
                return await group.reduce(true) { $0 && $1 }
            }
            #expect(groupSaw)
            async let asyncLetSaw = { () async -> Bool in
                await Task.yield()
                return manager.active?.span === span
            }()
            #expect(await asyncLetSaw)
            let unstructuredSaw = await Task { manager.active?.span === span }.value
            #expect(unstructuredSaw)
            let detachedSaw = await Task.detached { manager.active == nil }.value
            #expect(detachedSaw)
        }
    }

    @Test("the tracer's async withActiveSpan parents spans started in child tasks")
    func tracerStructuredParentsChildren() async throws {
        try await tracer.withActiveSpan("parent") { parent in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<3 {
                    group.addTask { [tracer] in
                        await Task.yield()
                        tracer.startSpan("child \(index)").finish()
                    }
                }
                try await group.waitForAll()
            }
            _ = parent
        }
        let spans = tracer.finishedSpans
        let parent = try #require(spans.last)
        #expect(parent.operationName == "parent")
        #expect(spans.dropLast().allSatisfy { $0.parentSpanID == parent.mockContext.spanIDValue })
        #expect(spans.count == 4)
    }

    @Test("withInheritableActiveSpan passes an imperative scope's span on to child tasks")
    func inheritableActiveSpan() async {
        let span = tracer.startSpan("imperative")
        let scope = manager.activate(span)
        let childSawWithout = await Task { [manager] in manager.active?.span }.value
        #expect(childSawWithout == nil, "imperative scopes are not inherited")
        await manager.withInheritableActiveSpan { [manager] in
            let childSaw = await Task { manager.active?.span }.value
            #expect(childSaw === span)
        }
        scope.close()
        await manager.withInheritableActiveSpan { #expect(manager.active == nil) }
        expectClean()
    }

    // MARK: - Both kinds together

    @Test("an imperative scope inside withActiveSpan wins until closed, then the structured span is active again")
    func imperativeInsideStructured() async {
        let outer = tracer.startSpan("outer"), inner = tracer.startSpan("inner")
        await manager.withActiveSpan(outer, isolation: #isolation) {
            let scope = manager.activate(inner)
            await Task.yield()
            #expect(manager.active === scope)
            scope.close()
            #expect(manager.active?.span === outer)
        }
        #expect(manager.active == nil)
        expectClean()
    }

    @Test("withActiveSpan inside an imperative scope wins until it returns, then the imperative scope is active again")
    func structuredInsideImperative() async {
        let outer = tracer.startSpan("outer"), inner = tracer.startSpan("inner")
        let scope = manager.activate(outer)
        await manager.withActiveSpan(inner, isolation: #isolation) {
            await Task.yield()
            #expect(manager.active?.span === inner)
            let child = tracer.startSpan("child") as? MockSpan
            #expect(child?.parentSpanID == (inner as? MockSpan)?.mockContext.spanIDValue)
        }
        #expect(manager.active === scope)
        // Re-binding the outer span inside its own scope still wins over it, as the innermost activation.
        manager.withActiveSpan(outer) {
            #expect(manager.active !== scope)
            #expect(manager.active?.span === outer)
        }
        scope.close()
        #expect(manager.active == nil)
        expectClean()
    }

    @Test("a scope left open past the end of its withActiveSpan is invisible afterwards and hides nothing")
    func leakedPastStructured() async {
        let outer = manager.activate(tracer.startSpan("outer"))
        var leaked: (any Scope)?
        manager.withActiveSpan(tracer.startSpan("structured")) {
            leaked = manager.activate(tracer.startSpan("leaked"))
        }
        #expect(manager.active === outer)
        leaked?.close()
        #expect(manager.active === outer)
        outer.close()
        expectClean()
    }

    @Test("closing the ambient scope of a structured span is reported and changes nothing")
    func closingAmbientScope() {
        let span = tracer.startSpan("structured")
        manager.withActiveSpan(span) {
            let ambient = manager.active
            ambient?.close()
            #expect(manager.active?.span === span)
        }
        #expect(manager.active == nil)
        expectClean(misuse: [.closedAmbientScope])
    }

    @Test("two task scope managers keep separate bindings and stacks")
    func managersAreIndependent() async {
        let other = TaskScopeManager()
        let span = tracer.startSpan("mine")
        await manager.withActiveSpan(span, isolation: #isolation) {
            #expect(other.active == nil)
            let scope = other.activate(tracer.startSpan("theirs"))
            #expect(manager.active?.span === span)
            scope.close()
        }
        #expect(other.openScopeCount == 0)
    }

    @Test("a task that finishes with a scope open keeps it counted, and closing it releases the task")
    func leakedTaskScope() async {
        let scope = await Task.detached { [manager, tracer] in
            manager.activate(tracer.startSpan("leaked"))
        }.value
        #expect(manager.openScopeCount == 1)
        #expect(manager.liveTaskStackCount == 1)
        #expect(manager.active == nil, "another task's scope is never visible")
        scope.close()
        expectClean(misuse: [.closedInOtherTask])
    }
}

import OpenTracing

extension TestbedScenario {
    /// `promise_propagation`: a promise captures the active span when it is made; each callback later runs
    /// elsewhere inside its own span that follows from it, and logs on the active span.
    static let promisePropagation: [TestbedScenario] = [
        TestbedScenario(
            "promise_propagation",
            threads: "Promise callbacks run on executor threads in follows-from spans of the span active at creation."
        ) { c in
            let results = PromiseResults()
            let barrier = ThreadBarrier(parties: 4)  // this thread and three callbacks
            let executor = WorkerPool("promise_propagation", threads: 3)
            let parent = c.tracer.startSpan("promises", tags: [SpanTag.component: "example-promises"])
            let scope = c.scopeManager.activate(parent, finishOnClose: false)
            let successPromise = ThreadPromise<String>(c, executor: executor, barrier: barrier)
            for index in 1...2 {
                successPromise.onSuccess { value in
                    c.tracer.activeSpan?.log(event: "Promised \(index) \(value)")
                    results.record(success: value, index: index)
                    c.expect.check(barrier.arriveAndWait(), "success callback \(index): results were not awaited")
                }
            }
            let errorPromise = ThreadPromise<String>(c, executor: executor, barrier: barrier)
            errorPromise.onError { error in
                c.tracer.activeSpan?.log(event: "Promise failed")
                results.record(error: error)
                c.expect.check(barrier.arriveAndWait(), "error callback: results were not awaited")
            }
            c.expect.equal(try c.finishedSpansFromThread().count, 0, "finished spans before the promises resolve")
            successPromise.succeed("success!")
            errorPromise.fail(PromiseFailure())
            scope.close()
            parent.finish()
            c.expect.check(barrier.arriveAndWait(), "the callbacks did not deliver their results")
            verifyPromiseResults(c, results)
            c.expect.check(barrier.arriveAndWait(), "the callbacks did not finish their spans")
            verifyPromisePropagation(c, try c.finishedSpansFromThread())
        },
        TestbedScenario(
            "promise_propagation",
            concurrency: "Promise callbacks run in detached tasks in follows-from spans of the span active at creation."
        ) { c in
            let results = PromiseResults()
            let barrier = AsyncBarrier(parties: 4)  // this task and three callbacks
            let parent = c.tracer.startSpan("promises", tags: [SpanTag.component: "example-promises"])
            let (successPromise, errorPromise) = c.scopeManager.withActiveSpan(parent) {
                (TaskPromise<String>(c, barrier: barrier), TaskPromise<String>(c, barrier: barrier))
            }
            for index in 1...2 {
                successPromise.onSuccess { value in
                    c.tracer.activeSpan?.log(event: "Promised \(index) \(value)")
                    results.record(success: value, index: index)
                    await barrier.arriveAndWait()
                }
            }
            errorPromise.onError { error in
                c.tracer.activeSpan?.log(event: "Promise failed")
                results.record(error: error)
                await barrier.arriveAndWait()
            }
            c.expect.equal(try await c.harness.finishedSpans().count, 0, "finished spans before the promises resolve")
            successPromise.succeed("success!")
            errorPromise.fail(PromiseFailure())
            parent.finish()
            await barrier.arriveAndWait()  // results delivered
            verifyPromiseResults(c, results)
            await barrier.arriveAndWait()  // spans finished
            verifyPromisePropagation(c, try await c.harness.finishedSpans())
        },
    ]

    private static func verifyPromiseResults(_ c: CheckContext, _ results: PromiseResults) {
        let (successes, errors) = results.current
        c.expect.equal(successes, [1: "success!", 2: "success!"], "values delivered to the success callbacks")
        c.expect.equal(errors, ["some error."], "errors delivered to the error callback")
    }

    private static func verifyPromisePropagation(_ c: CheckContext, _ spans: [RecordedSpan]) {
        c.expect.equal(spans.count, 4, "finished spans")
        let roots = c.spans(spans, tagged: SpanTag.component, "example-promises")
        let successes = c.spans(spans, tagged: SpanTag.component, "success")
        let errors = c.spans(spans, tagged: SpanTag.component, "error")
        guard roots.count == 1, successes.count == 2, errors.count == 1 else {
            c.expect.record("expected 1 'example-promises', 2 'success' and 1 'error' span, found \(spans)")
            return
        }
        c.expectRoot(roots[0])
        for child in successes + errors {
            c.expectChild(child, of: roots[0])
            c.expect.equal(child.references.map(\.kind), [.followsFrom], "reference kinds of \(child)")
        }
        c.expect.equal(
            Set(successes.flatMap { c.events(of: $0) }),
            ["Promised 1 success!", "Promised 2 success!"],
            "events the success callbacks logged on the active span"
        )
        c.expect.equal(c.events(of: errors[0]), ["Promise failed"], "events the error callback logged")
    }
}

private struct PromiseFailure: Error, CustomStringConvertible {
    var description: String { "some error." }
}

/// What the callbacks delivered.
private final class PromiseResults: Sendable {
    private let state = LockedValue<(successes: [Int: String], errors: [String])>(([:], []))

    func record(success value: String, index: Int) {
        state.withLock { $0.successes[index] = value }
    }

    func record(error: any Error) {
        state.withLock { $0.errors.append(String(describing: error)) }
    }

    var current: (successes: [Int: String], errors: [String]) { state.current }
}

/// The threads variant's promise: callbacks run on executor threads, each in a span that follows from the span
/// active when the promise was made.
private final class ThreadPromise<Value: Sendable>: Sendable {
    private let c: CheckContext
    private let executor: WorkerPool
    private let barrier: ThreadBarrier
    private let parent: (any SpanContext)?
    private let successCallbacks = LockedValue<[@Sendable (Value) -> Void]>([])
    private let errorCallbacks = LockedValue<[@Sendable (any Error) -> Void]>([])

    init(_ c: CheckContext, executor: WorkerPool, barrier: ThreadBarrier) {
        self.c = c
        self.executor = executor
        self.barrier = barrier
        parent = c.tracer.activeSpan?.context
        c.expect.check(parent != nil, "no active span when the promise was made")
    }

    func onSuccess(_ callback: @escaping @Sendable (Value) -> Void) {
        successCallbacks.withLock { $0.append(callback) }
    }

    func onError(_ callback: @escaping @Sendable (any Error) -> Void) {
        errorCallbacks.withLock { $0.append(callback) }
    }

    func succeed(_ value: Value) {
        for callback in successCallbacks.current {
            run("success") { callback(value) }
        }
    }

    func fail(_ error: any Error) {
        for callback in errorCallbacks.current {
            run("error") { callback(error) }
        }
    }

    private func run(_ outcome: String, _ callback: @escaping @Sendable () -> Void) {
        executor.submit { [c, parent, barrier] in
            let span = c.tracer.startSpan(
                outcome,
                references: parent.map { [.followsFrom($0)] } ?? [],
                tags: [SpanTag.component: .string(outcome)]
            )
            let scope = c.scopeManager.activate(span, finishOnClose: true)
            callback()
            scope.close()
            c.expect.check(barrier.arriveAndWait(), "\(outcome) callback: its span was not awaited")
        }
    }
}

/// The concurrency variant's promise: callbacks run in detached tasks, each in a span that follows from the span
/// active when the promise was made.
private final class TaskPromise<Value: Sendable>: Sendable {
    private let c: CheckContext
    private let barrier: AsyncBarrier
    private let parent: (any SpanContext)?
    private let successCallbacks = LockedValue<[@Sendable (Value) async -> Void]>([])
    private let errorCallbacks = LockedValue<[@Sendable (any Error) async -> Void]>([])

    init(_ c: CheckContext, barrier: AsyncBarrier) {
        self.c = c
        self.barrier = barrier
        parent = c.tracer.activeSpan?.context
        c.expect.check(parent != nil, "no active span when the promise was made")
    }

    func onSuccess(_ callback: @escaping @Sendable (Value) async -> Void) {
        successCallbacks.withLock { $0.append(callback) }
    }

    func onError(_ callback: @escaping @Sendable (any Error) async -> Void) {
        errorCallbacks.withLock { $0.append(callback) }
    }

    func succeed(_ value: Value) {
        for callback in successCallbacks.current {
            run("success") { await callback(value) }
        }
    }

    func fail(_ error: any Error) {
        for callback in errorCallbacks.current {
            run("error") { await callback(error) }
        }
    }

    private func run(_ outcome: String, _ callback: @escaping @Sendable () async -> Void) {
        Task.detached { [c, parent, barrier] in
            let span = c.tracer.startSpan(
                outcome,
                references: parent.map { [.followsFrom($0)] } ?? [],
                tags: [SpanTag.component: .string(outcome)]
            )
            await c.scopeManager.withActiveSpan(span, isolation: #isolation) {
                await callback()
            }
            span.finish()
            await barrier.arriveAndWait()
        }
    }
}

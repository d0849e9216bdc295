import OpenTracing

extension TestbedScenario {
    /// `late_span_finish`: workers activate a parent they did not start and run children under it; the parent
    /// finishes last, after all of them.
    static let lateSpanFinish: [TestbedScenario] = [
        TestbedScenario(
            "late_span_finish",
            threads: "Two workers activate a parent started elsewhere, run children at once, and the parent ends last."
        ) { c in
            let parent = c.tracer.startSpan("parent")
            let workers = WorkerPool("late_span_finish", threads: 2)
            let bothRunning = ThreadBarrier(parties: 2)
            for index in 1...2 {
                workers.submit {
                    let parentScope = c.scopeManager.activate(parent, finishOnClose: false)
                    let task = c.tracer.startActiveSpan("task\(index)")
                    c.expect.check(bothRunning.arriveAndWait(), "task\(index): the other task did not run alongside")
                    c.expect.isActive(task.span, c.tracer, "inside task\(index)")
                    task.close()
                    c.expect.isActive(parent, c.tracer, "after task\(index)")
                    parentScope.close()
                    c.expect.noActiveSpan(c.tracer, "on the worker of task\(index) at the end")
                }
            }
            try c.expect.require(workers.waitUntilIdle(), "the workers did not finish")
            parent.finish()
            verifyLateSpanFinish(c, try c.finishedSpansFromThread())
        },
        TestbedScenario(
            "late_span_finish",
            concurrency: "Two group tasks activate a parent started elsewhere, run children at once; the parent ends last."
        ) { c in
            let parent = c.tracer.startSpan("parent")
            let bothRunning = AsyncBarrier(parties: 2)
            await withTaskGroup(of: Void.self) { group in
                for index in 1...2 {
                    group.addTask {
                        await c.scopeManager.withActiveSpan(parent, isolation: #isolation) {
                            let task = c.tracer.startSpan("task\(index)")
                            await c.scopeManager.withActiveSpan(task, isolation: #isolation) {
                                await bothRunning.arriveAndWait()
                                c.expect.isActive(task, c.tracer, "inside task\(index)")
                            }
                            task.finish()
                            c.expect.isActive(parent, c.tracer, "after task\(index)")
                        }
                    }
                }
            }
            parent.finish()
            verifyLateSpanFinish(c, try await c.harness.finishedSpans())
        },
    ]

    private static func verifyLateSpanFinish(_ c: CheckContext, _ spans: [RecordedSpan]) {
        guard spans.count == 3 else {
            c.expect.record("expected 3 finished spans, found \(spans)")
            return
        }
        c.expect.equal(Set(spans[0..<2].map(\.operationName)), ["task1", "task2"], "the tasks finish first")
        c.expect.equal(spans[2].operationName, "parent", "the parent finishes last")
        c.expectRoot(spans[2])
        for task in spans[0..<2] {
            c.expectChild(task, of: spans[2])
            c.expect.check(
                task.finishTime <= spans[2].finishTime,
                "\(task) finished at \(task.finishTime), after the parent at \(spans[2].finishTime)"
            )
        }
    }
}

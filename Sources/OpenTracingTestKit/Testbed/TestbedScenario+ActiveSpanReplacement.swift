import OpenTracing

extension TestbedScenario {
    /// `active_span_replacement`: a worker activates its own span, re-activates a span handed to it to finish that
    /// one, and gets its own span back as active (and as parent of a subtask).
    static let activeSpanReplacement: [TestbedScenario] = [
        TestbedScenario(
            "active_span_replacement",
            threads: "A worker re-activates a handed-over span inside its own and gets its own span back after close."
        ) { c in
            let worker = WorkerPool("active_span_replacement", threads: 1)
            let initial = c.tracer.startSpan("initial")
            let scope = c.scopeManager.activate(initial, finishOnClose: false)
            worker.submit {
                let task = c.tracer.startSpan("task")
                let taskScope = c.scopeManager.activate(task, finishOnClose: false)
                let initialScope = c.scopeManager.activate(initial, finishOnClose: false)
                c.expect.isActive(initial, c.tracer, "after re-activating 'initial' inside 'task'")
                initial.finish()
                initialScope.close()
                c.expect.isActive(task, c.tracer, "after closing the re-activation of 'initial'")
                let subtask = c.tracer.startActiveSpan("subtask")
                c.expect.isActive(subtask.span, c.tracer, "inside 'subtask'")
                subtask.close()
                taskScope.close()
                task.finish()
                c.expect.noActiveSpan(c.tracer, "on the worker at the end")
            }
            scope.close()
            try c.expect.require(worker.waitUntilIdle(), "the worker did not finish")
            try verifyActiveSpanReplacement(c, try c.finishedSpansFromThread())
        },
        TestbedScenario(
            "active_span_replacement",
            concurrency: "A detached task re-activates a handed-over span inside its own and gets its own span back."
        ) { c in
            let initial = c.tracer.startSpan("initial")
            // A detached task inherits no active span, like the original's executor thread.
            let handOver = await c.scopeManager.withActiveSpan(initial, isolation: #isolation) {
                Task.detached {
                    c.expect.noActiveSpan(c.tracer, "at the start of the detached task")
                    let task = c.tracer.startSpan("task")
                    await c.scopeManager.withActiveSpan(task, isolation: #isolation) {
                        await c.scopeManager.withActiveSpan(initial, isolation: #isolation) {
                            await hopThreads()
                            c.expect.isActive(initial, c.tracer, "after re-activating 'initial' inside 'task'")
                        }
                        initial.finish()
                        c.expect.isActive(task, c.tracer, "after the re-activation of 'initial' ended")
                        let subtask = c.tracer.startSpan("subtask")
                        await c.scopeManager.withActiveSpan(subtask, isolation: #isolation) {
                            await hopThreads()
                            c.expect.isActive(subtask, c.tracer, "inside 'subtask'")
                        }
                        subtask.finish()
                    }
                    task.finish()
                    c.expect.noActiveSpan(c.tracer, "at the end of the detached task")
                }
            }
            c.expect.noActiveSpan(c.tracer, "after handing 'initial' over")
            await handOver.value
            try verifyActiveSpanReplacement(c, try await c.harness.finishedSpans())
        },
    ]

    private static func verifyActiveSpanReplacement(_ c: CheckContext, _ spans: [RecordedSpan]) throws {
        try c.expect.require(c.expectNames(spans, ["initial", "subtask", "task"]), "unexpected spans")
        let (initial, subtask, task) = (spans[0], spans[1], spans[2])
        c.expectChild(subtask, of: task)
        c.expectRoot(task)
        c.expectRoot(initial)
        c.expectDifferentTraces(initial, task)
    }
}

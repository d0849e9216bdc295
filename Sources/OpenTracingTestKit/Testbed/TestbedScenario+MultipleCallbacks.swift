import Dispatch
import OpenTracing

extension TestbedScenario {
    /// `multiple_callbacks`: three callbacks capture the active span and start spans that follow from it; they
    /// finish after the parent has.
    static let multipleCallbacks: [TestbedScenario] = [
        TestbedScenario(
            "multiple_callbacks",
            threads: "Three executor callbacks start follows-from children of the active span and end after it."
        ) { c in
            let executor = WorkerPool("multiple_callbacks", threads: 3)
            let parentDone = DispatchGroup()
            parentDone.enter()
            let parent = c.tracer.startSpan("parent")
            let scope = c.scopeManager.activate(parent, finishOnClose: false)
            for message in ["task1", "task2", "task3"] {
                let parentContext = c.tracer.activeSpan?.context
                c.expect.check(parentContext != nil, "no active span when sending '\(message)'")
                executor.submit {
                    let subtask = c.tracer.startSpan(
                        "subtask",
                        references: parentContext.map { [.followsFrom($0)] } ?? [],
                        tags: ["message": .string(message)]
                    )
                    let subtaskScope = c.scopeManager.activate(subtask, finishOnClose: true)
                    // Finish strictly after the parent.
                    let waited = parentDone.wait(timeout: .now() + .seconds(TestbedTimeout.seconds))
                    c.expect.check(waited == .success, "'\(message)': the parent never finished")
                    c.expect.isActive(subtask, c.tracer, "inside the subtask of '\(message)'")
                    subtaskScope.close()
                    c.expect.noActiveSpan(c.tracer, "on the executor after '\(message)'")
                }
            }
            scope.close()
            parent.finish()
            parentDone.leave()
            try c.expect.require(executor.waitUntilIdle(), "the callbacks did not finish")
            verifyMultipleCallbacks(c, try c.finishedSpansFromThread())
        },
        TestbedScenario(
            "multiple_callbacks",
            concurrency: "Three group tasks inherit the active span, start follows-from children and end after it."
        ) { c in
            let parentDone = AsyncLatch()
            let parent = c.tracer.startSpan("parent")
            await withTaskGroup(of: Void.self) { group in
                await c.scopeManager.withActiveSpan(parent, isolation: #isolation) {
                    for message in ["task1", "task2", "task3"] {
                        let parentContext = c.tracer.activeSpan?.context
                        c.expect.check(parentContext != nil, "no active span when sending '\(message)'")
                        group.addTask {
                            c.expect.isActive(parent, c.tracer, "at the start of '\(message)' (inherited)")
                            let subtask = c.tracer.startSpan(
                                "subtask",
                                references: parentContext.map { [.followsFrom($0)] } ?? [],
                                tags: ["message": .string(message)]
                            )
                            await c.scopeManager.withActiveSpan(subtask, isolation: #isolation) {
                                await parentDone.wait()  // finish strictly after the parent
                                c.expect.isActive(subtask, c.tracer, "inside the subtask of '\(message)'")
                            }
                            subtask.finish()
                        }
                    }
                }
                parent.finish()
                await parentDone.open()
            }
            verifyMultipleCallbacks(c, try await c.harness.finishedSpans())
        },
    ]

    private static func verifyMultipleCallbacks(_ c: CheckContext, _ spans: [RecordedSpan]) {
        guard c.expectNames(spans, ["parent", "subtask", "subtask", "subtask"]) else { return }
        let parent = spans[0]
        c.expectRoot(parent)
        for subtask in spans.dropFirst() {
            c.expectChild(subtask, of: parent)
            c.expect.equal(subtask.references.map(\.kind), [.followsFrom], "reference kinds of \(subtask)")
        }
        c.expect.equal(
            Set(spans.dropFirst().compactMap { $0.tags["message"]?.stringValue }),
            ["task1", "task2", "task3"],
            "messages of the subtasks"
        )
    }
}

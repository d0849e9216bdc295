import OpenTracing

extension TestbedScenario {
    /// `nested_callbacks`: one span travels down a chain of three nested callbacks, each tagging it; the last one
    /// finishes it.
    static let nestedCallbacks: [TestbedScenario] = [
        TestbedScenario(
            "nested_callbacks",
            threads: "Three nested executor callbacks each re-activate the same span, tag it, and the last finishes it."
        ) { c in
            let executor = WorkerPool("nested_callbacks", threads: 3)
            let finished = ThreadFuture<Void>()
            let span = c.tracer.startSpan("one")
            // Each callback submits the next while the span is still active in it, so the same span is active on
            // two threads at once.
            executor.submit {
                let scope = c.scopeManager.activate(span, finishOnClose: false)
                span.setTag("key1", "1")
                executor.submit {
                    let scope = c.scopeManager.activate(span, finishOnClose: false)
                    span.setTag("key2", "2")
                    executor.submit {
                        let scope = c.scopeManager.activate(span, finishOnClose: false)
                        span.setTag("key3", "3")
                        c.expect.isActive(span, c.tracer, "in the third callback")
                        scope.close()
                        span.finish()
                        c.expect.noActiveSpan(c.tracer, "after the third callback")
                        finished.fulfil(())
                    }
                    c.expect.isActive(span, c.tracer, "in the second callback")
                    scope.close()
                    c.expect.noActiveSpan(c.tracer, "after the second callback")
                }
                c.expect.isActive(span, c.tracer, "in the first callback")
                scope.close()
                c.expect.noActiveSpan(c.tracer, "after the first callback")
            }
            try c.expect.require(finished.get() != nil, "the last callback never ran")
            try c.expect.require(executor.waitUntilIdle(), "the callbacks did not finish")
            verifyNestedCallbacks(c, try c.finishedSpansFromThread())
        },
        TestbedScenario(
            "nested_callbacks",
            concurrency: "Three nested unstructured tasks inherit the active span, tag it, and the last finishes it."
        ) { c in
            let (finished, done) = AsyncStream.makeStream(of: Void.self)
            let span = c.tracer.startSpan("one")
            // Unstructured tasks inherit the active span, so no callback re-activates it.
            c.scopeManager.withActiveSpan(span) {
                _ = Task {
                    c.expect.isActive(span, c.tracer, "in the first task")
                    span.setTag("key1", "1")
                    Task {
                        await hopThreads()
                        c.expect.isActive(span, c.tracer, "in the second task")
                        span.setTag("key2", "2")
                        Task {
                            await hopThreads()
                            c.expect.isActive(span, c.tracer, "in the third task")
                            span.setTag("key3", "3")
                            span.finish()
                            done.yield()
                            done.finish()
                        }
                    }
                }
            }
            c.expect.noActiveSpan(c.tracer, "after starting the tasks")
            var iterator = finished.makeAsyncIterator()
            try c.expect.require(await iterator.next() != nil, "the last task never ran")
            verifyNestedCallbacks(c, try await c.harness.finishedSpans())
        },
    ]

    private static func verifyNestedCallbacks(_ c: CheckContext, _ spans: [RecordedSpan]) {
        guard c.expectNames(spans, ["one"]) else { return }
        c.expect.equal(spans[0].tags, ["key1": "1", "key2": "2", "key3": "3"], "tags of 'one'")
    }
}

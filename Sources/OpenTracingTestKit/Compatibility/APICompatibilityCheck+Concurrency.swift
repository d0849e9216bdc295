import Dispatch
import OpenTracing

extension APICompatibilityCheck {
    static let concurrencyChecks: [APICompatibilityCheck] = [
        APICompatibilityCheck("async withActiveSpan keeps the span active across await and in child tasks") { c in
            guard c.can(.activationFollowsTasks) else { return }
            let parent = c.tracer.startSpan("structured parent")
            let parentID = parent.context.spanID
            await c.scopeManager.withActiveSpan(parent, isolation: #isolation) {
                await hopThreads()
                c.expect.isActive(parent, c.tracer, "after awaiting inside withActiveSpan")
                async let seenByAsyncLet = c.tracer.activeSpan?.context.spanID
                c.expect.equal(await seenByAsyncLet, parentID, "active span id in an async let")
                let seenByGroup = await withTaskGroup(of: String?.self) { group in
                    for index in 0..<3 {
                        group.addTask {
                            await hopThreads()
                            c.tracer.startSpan("group child \(index)").finish()
                            return c.tracer.activeSpan?.context.spanID
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                c.expect.equal(seenByGroup, [parentID, parentID, parentID], "active span ids in task group children")
                let seenByTask = await Task { c.tracer.activeSpan?.context.spanID }.value
                c.expect.equal(seenByTask, parentID, "active span id in an unstructured Task")
                let seenByDetached = await Task.detached { c.tracer.activeSpan?.context.spanID }.value
                c.expect.equal(seenByDetached, nil, "active span id in a detached Task")
            }
            c.expect.noActiveSpan(c.tracer, "after withActiveSpan returned")
            parent.finish()
            guard c.can(.recordsSpans) else { return }
            let spans = try await c.harness.finishedSpans()
            for index in 0..<3 {
                let child = try c.onlySpan(named: "group child \(index)", in: spans)
                c.expect.equal(child.parentSpanID, parentID, "parent of 'group child \(index)'")
            }
        },
        APICompatibilityCheck("an imperative activation inside a task stays active across await until closed") { c in
            guard c.can(.imperativeScopesFollowAwait) else { return }
            let scope = c.tracer.startActiveSpan("imperative in task")
            for _ in 0..<3 { await hopThreads() }
            c.expect.isActive(scope.span, c.tracer, "after awaits that may change threads")
            scope.close()
            c.expect.noActiveSpan(c.tracer, "after close")
            guard c.can(.recordsSpans) else { return }
            c.expect.equal(
                try await c.harness.finishedSpans().map(\.operationName),
                ["imperative in task"],
                "finished spans"
            )
        },
        APICompatibilityCheck("concurrent tasks never see each other's active span, structured or imperative") { c in
            guard c.can(.activationFollowsTasks) else { return }
            let mismatches = await withTaskGroup(of: Int.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        var wrong = 0
                        let span = c.tracer.startSpan("task \(index)", ignoreActiveSpan: true)
                        let spanID = span.context.spanID
                        await c.scopeManager.withActiveSpan(span, isolation: #isolation) {
                            for _ in 0..<5 {
                                await Task.yield()
                                if c.tracer.activeSpan?.context.spanID != spanID { wrong += 1 }
                            }
                            guard c.can(.imperativeScopesFollowAwait) else { return }
                            let inner = c.tracer.startActiveSpan("inner \(index)")
                            await Task.yield()
                            if c.tracer.activeSpan?.context.spanID != inner.span.context.spanID { wrong += 1 }
                            inner.close()
                            if c.tracer.activeSpan?.context.spanID != spanID { wrong += 1 }
                        }
                        if c.tracer.activeSpan != nil { wrong += 1 }
                        span.finish()
                        return wrong
                    }
                }
                return await group.reduce(0, +)
            }
            c.expect.equal(mismatches, 0, "reads of the active span that saw another task's span")
        },
    ]

    static let harnessChecks: [APICompatibilityCheck] = [
        APICompatibilityCheck("reset forgets the finished spans") { c in
            c.tracer.startSpan("before reset").finish()
            try await c.harness.reset()
            c.expect.equal(try await c.harness.finishedSpans().count, 0, "finished spans after reset")
            c.tracer.startSpan("after reset").finish()
            guard c.can(.recordsSpans) else { return }
            c.expect.equal(
                try await c.harness.finishedSpans().map(\.operationName),
                ["after reset"],
                "finished spans after reset and one more span"
            )
        }
    ]
}

/// Suspends until a Dispatch thread resumes the task, so it usually continues on another thread.
func hopThreads() async {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume() }
    }
}

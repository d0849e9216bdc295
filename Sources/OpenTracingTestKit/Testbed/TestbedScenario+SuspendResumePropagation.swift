import OpenTracing

extension TestbedScenario {
    /// `suspend_resume_propagation`: two jobs re-activate their own span for each part of their work; their parts
    /// interleave, and neither becomes the other's parent.
    static let suspendResumePropagation: [TestbedScenario] = [
        TestbedScenario(
            "suspend_resume_propagation",
            threads: "Two jobs' parts interleave across executor threads, each re-activating its job's span."
        ) { c in
            let executor = WorkerPool("suspend_resume_propagation", threads: 2)
            let jobs = [SuspendResumeJob(c, id: 1), SuspendResumeJob(c, id: 2)]
            // The framework drives the parts one after another, each on the next executor thread.
            for (job, part) in SuspendResumeJob.interleaving {
                let done = executor.submit { () -> Bool in
                    jobs[job - 1].doPart(part)
                    return true
                }
                try c.expect.require(done.get() != nil, "part '\(part)' did not run")
            }
            jobs.forEach { $0.done() }
            try c.expect.require(executor.waitUntilIdle(), "the executor did not finish")
            verifySuspendResume(c, try c.finishedSpansFromThread())
        },
        TestbedScenario(
            "suspend_resume_propagation",
            concurrency: "Two concurrent jobs take turns across awaits while each keeps its own span active."
        ) { c in
            let jobs = [SuspendResumeJob(c, id: 1), SuspendResumeJob(c, id: 2)]
            let turns = TurnSequencer()
            await withTaskGroup(of: Void.self) { group in
                for job in jobs {
                    group.addTask {
                        for (turn, (id, part)) in SuspendResumeJob.interleaving.enumerated() where id == job.id {
                            await job.doPart(part, turn: turn, of: turns)
                        }
                    }
                }
            }
            jobs.forEach { $0.done() }
            verifySuspendResume(c, try await c.harness.finishedSpans())
        },
    ]

    private static func verifySuspendResume(_ c: CheckContext, _ spans: [RecordedSpan]) {
        guard c.expectNames(spans, ["job 1", "job 2"]) else { return }
        for (index, span) in spans.enumerated() {
            let id = index + 1
            c.expectRoot(span)
            c.expect.equal(span.tags[SpanTag.component], "suspend-resume", "component of \(span)")
            c.expect.equal(
                c.events(of: span),
                SuspendResumeJob.interleaving.filter { $0.job == id }.map { "part: \($0.part)" },
                "events of \(span), in order"
            )
        }
        c.expectDifferentTraces(spans[0], spans[1])
    }
}

/// A job whose span is activated only while one of its parts runs.
private final class SuspendResumeJob: Sendable {
    /// The original's order of parts.
    static let interleaving: [(job: Int, part: String)] = [
        (1, "some work for 1"), (2, "some work for 2"), (1, "other work for 1"), (2, "other work for 2"),
        (2, "more work for 2"), (1, "more work for 1"),
    ]

    let id: Int
    private let c: CheckContext
    private let span: any Span

    init(_ c: CheckContext, id: Int) {
        self.c = c
        self.id = id
        span = c.tracer.startSpan("job \(id)", tags: [SpanTag.component: "suspend-resume"])
        c.scopeManager.withActiveSpan(span) {}
    }

    /// A part of the job, on a thread.
    func doPart(_ name: String) {
        let scope = c.scopeManager.activate(span, finishOnClose: false)
        c.expect.isActive(span, c.tracer, "in part '\(name)'")
        scope.span.log(event: "part: \(name)")
        scope.close()
        c.expect.noActiveSpan(c.tracer, "after part '\(name)'")
    }

    /// A part of the job, in a task: it activates its span, then waits for its turn while the other job runs.
    func doPart(_ name: String, turn: Int, of turns: TurnSequencer) async {
        await c.scopeManager.withActiveSpan(span, isolation: #isolation) {
            await turns.waitForTurn(turn)
            await hopThreads()
            c.expect.isActive(span, c.tracer, "in part '\(name)'")
            c.tracer.activeSpan?.log(event: "part: \(name)")
            await turns.endTurn()
        }
    }

    func done() {
        span.finish()
    }
}

import OpenTracing

extension TestbedScenario {
    /// `actor_propagation`: messages sent to an actor carry the sender's active span; the actor starts a
    /// `received` span that follows from it.
    static let actorPropagation: [TestbedScenario] = [
        TestbedScenario(
            "actor_propagation",
            threads: "tell and ask capture the active span; receiving threads start follows-from consumer spans."
        ) { c in
            for style in ActorMessageStyle.allCases {
                try c.resetFromThread()
                let barrier = ThreadBarrier(parties: 3)
                let actor = ThreadActor(c, barrier: barrier)
                let parent = c.tracer.startSpan(
                    style.parentName,
                    tags: [SpanTag.spanKind: SpanTag.SpanKind.producer, SpanTag.component: "example-actor"]
                )
                let scope = c.scopeManager.activate(parent, finishOnClose: false)
                let replies = (1...2).map { actor.send("my message \($0)") }
                scope.close()
                parent.finish()
                c.expect.check(barrier.arriveAndWait(), "\(style): the receivers did not start")
                c.expect.equal(try c.finishedSpansFromThread().count, 1, "\(style): spans finished while receiving")
                c.expect.check(barrier.arriveAndWait(), "\(style): the receivers did not log")
                c.expect.check(barrier.arriveAndWait(), "\(style): the receivers did not finish")
                let spans = try c.finishedSpansFromThread()
                c.expect.check(barrier.arriveAndWait(), "\(style): the receivers did not end")
                if style == .ask {
                    c.expect.equal(replies.map { $0.get() }, ["received my message 1", "received my message 2"], "replies")
                }
                try verifyActorPropagation(c, spans, style: style)
            }
        },
        TestbedScenario(
            "actor_propagation",
            concurrency: "An actor's tell and ask capture the active span and start follows-from consumer spans."
        ) { c in
            for style in ActorMessageStyle.allCases {
                try await c.harness.reset()
                let barrier = AsyncBarrier(parties: 3)
                let actor = MessageReceiver(c, barrier: barrier)
                let parent = c.tracer.startSpan(
                    style.parentName,
                    tags: [SpanTag.spanKind: SpanTag.SpanKind.producer, SpanTag.component: "example-actor"]
                )
                let replies = c.scopeManager.withActiveSpan(parent) {
                    (1...2).map { actor.send("my message \($0)") }
                }
                parent.finish()
                await barrier.arriveAndWait()  // receivers started
                c.expect.equal(try await c.harness.finishedSpans().count, 1, "\(style): spans finished while receiving")
                await barrier.arriveAndWait()  // receivers may log and finish
                await barrier.arriveAndWait()  // receivers finished
                let spans = try await c.harness.finishedSpans()
                await barrier.arriveAndWait()
                var answers: [String] = []
                for reply in replies { answers.append(await reply.value) }
                if style == .ask {
                    c.expect.equal(answers, ["received my message 1", "received my message 2"], "replies")
                }
                try verifyActorPropagation(c, spans, style: style)
            }
        },
    ]

    private static func verifyActorPropagation(
        _ c: CheckContext,
        _ spans: [RecordedSpan],
        style: ActorMessageStyle
    ) throws {
        try c.expect.require(spans.count == 3, "\(style): expected 3 finished spans, found \(spans)")
        let producers = c.spans(spans, tagged: SpanTag.spanKind, SpanTag.SpanKind.producer)
        let consumers = c.spans(spans, tagged: SpanTag.spanKind, SpanTag.SpanKind.consumer)
        try c.expect.require(producers.count == 1, "\(style): expected one producer span in \(spans)")
        c.expect.equal(consumers.count, 2, "\(style): consumer spans")
        let producer = producers[0]
        c.expect.equal(producer.operationName, style.parentName, "\(style): producer name")
        c.expect.equal(spans[0].spanID, producer.spanID, "\(style): the producer finishes first")
        c.expectRoot(producer)
        for consumer in consumers {
            c.expect.equal(consumer.operationName, "received", "\(style): consumer name")
            c.expectChild(consumer, of: producer)
            c.expect.equal(consumer.references.map(\.kind), [.followsFrom], "\(style): consumer reference kinds")
        }
        c.expect.equal(
            Set(consumers.flatMap { c.events(of: $0) }),
            ["received my message 1", "received my message 2"],
            "\(style): events logged by the consumers"
        )
    }
}

/// The original's two ways of messaging an actor.
enum ActorMessageStyle: String, CaseIterable, CustomStringConvertible {
    /// Fire and forget.
    case tell
    /// With a reply.
    case ask

    var parentName: String { self == .tell ? "actorTell" : "actorAsk" }
    var description: String { rawValue }
}

/// The threads variant's actor: a two-thread executor that receives messages under the sender's span.
private final class ThreadActor: Sendable {
    private let c: CheckContext
    private let barrier: ThreadBarrier
    private let executor = WorkerPool("actor_propagation", threads: 2)

    init(_ c: CheckContext, barrier: ThreadBarrier) {
        self.c = c
        self.barrier = barrier
    }

    func send(_ message: String) -> ThreadFuture<String> {
        let parent = c.tracer.activeSpan?.context
        c.expect.check(parent != nil, "no active span when sending '\(message)'")
        return executor.submit { [c, barrier] () -> String in
            let child = c.tracer.startSpan(
                "received",
                references: parent.map { [.followsFrom($0)] } ?? [],
                tags: [SpanTag.spanKind: SpanTag.SpanKind.consumer]
            )
            let scope = c.scopeManager.activate(child, finishOnClose: false)
            c.expect.check(barrier.arriveAndWait(), "receiver of '\(message)': nobody waited for it to start")
            c.tracer.activeSpan?.log(event: "received \(message)")
            c.expect.check(barrier.arriveAndWait(), "receiver of '\(message)': the sender did not check")
            scope.close()
            child.finish()
            c.expect.noActiveSpan(c.tracer, "on the receiving thread after close")
            c.expect.check(barrier.arriveAndWait(), "receiver of '\(message)': nobody waited for it to finish")
            c.expect.check(barrier.arriveAndWait(), "receiver of '\(message)': the sender did not check")
            return "received \(message)"
        }
    }
}

/// The concurrency variant's actor: receives each message in a task under the sender's span.
private actor MessageReceiver {
    private let c: CheckContext
    private let barrier: AsyncBarrier

    init(_ c: CheckContext, barrier: AsyncBarrier) {
        self.c = c
        self.barrier = barrier
    }

    /// Sends `message`; the returned task yields the reply (`tell` ignores it).
    nonisolated func send(_ message: String) -> Task<String, Never> {
        let parent = c.tracer.activeSpan?.context
        c.expect.check(parent != nil, "no active span when sending '\(message)'")
        return Task { await self.receive(message, parent: parent) }
    }

    private func receive(_ message: String, parent: (any SpanContext)?) async -> String {
        let child = c.tracer.startSpan(
            "received",
            references: parent.map { [.followsFrom($0)] } ?? [],
            tags: [SpanTag.spanKind: SpanTag.SpanKind.consumer]
        )
        await c.scopeManager.withActiveSpan(child, isolation: #isolation) {
            await barrier.arriveAndWait()
            c.expect.isActive(child, c.tracer, "while receiving '\(message)'")
            c.tracer.activeSpan?.log(event: "received \(message)")
            await barrier.arriveAndWait()
        }
        child.finish()
        await barrier.arriveAndWait()
        await barrier.arriveAndWait()
        return "received \(message)"
    }
}

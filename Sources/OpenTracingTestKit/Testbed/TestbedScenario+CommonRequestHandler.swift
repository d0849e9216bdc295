import OpenTracing

extension TestbedScenario {
    /// `common_request_handler`: one handler shared by all requests starts a client span before each request and
    /// finishes it after the response, possibly on other threads, so it cannot rely on the active span.
    static let commonRequestHandler: [TestbedScenario] = [
        TestbedScenario(
            "common_request_handler",
            threads: "A shared handler ignores the active span; a fixed parent leaks into unrelated requests."
        ) { c in
            // Two concurrent requests: two unrelated root spans.
            let client = ThreadRequestClient(c, handler: RequestHandler(c))
            let responses = [client.send("message1"), client.send("message2")].map { $0.get() }
            c.expect.equal(responses, ["message1:response", "message2:response"], "responses")
            verifyTwoRequests(c, try c.finishedSpansFromThread())

            // An active span on the caller's thread is not picked up.
            try c.resetFromThread()
            let parentScope = c.tracer.startActiveSpan("parent")
            c.expect.equal(client.send("no_parent").get(), "no_parent:response", "response")
            parentScope.close()
            verifyParentNotPickedUp(c, try c.finishedSpansFromThread())

            // The anti-pattern: a handler built with a fixed parent makes a later, unrelated request its child too.
            try c.resetFromThread()
            let parent = c.tracer.startActiveSpan("parent")
            let parentContext = try c.expect.require(c.tracer.activeSpan?.context, "no active span")
            let fixedParentClient = ThreadRequestClient(c, handler: RequestHandler(c, parent: parentContext))
            c.expect.equal(fixedParentClient.send("correct_parent").get(), "correct_parent:response", "response")
            parent.close()
            c.expect.equal(fixedParentClient.send("wrong_parent").get(), "wrong_parent:response", "response")
            let spans = try c.finishedSpansFromThread()
            try c.expect.require(c.expectNames(spans, ["send", "parent", "send"]), "unexpected spans")
            c.expectChild(spans[0], of: spans[1])
            c.expectChild(spans[2], of: spans[1])
        },
        TestbedScenario(
            "common_request_handler",
            concurrency: "A shared handler in child tasks ignores the inherited active span unless told to use it."
        ) { c in
            // Two concurrent requests: two unrelated root spans.
            let client = TaskRequestClient(c, handler: RequestHandler(c))
            async let first = client.send("message1")
            async let second = client.send("message2")
            let responses = await [first, second]
            c.expect.equal(responses, ["message1:response", "message2:response"], "responses")
            verifyTwoRequests(c, try await c.harness.finishedSpans())

            // The active span reaches the handler's tasks, and the handler still does not pick it up.
            try await c.harness.reset()
            let parent = c.tracer.startSpan("parent")
            let response = await c.scopeManager.withActiveSpan(parent, isolation: #isolation) {
                await client.send("no_parent", expectingActive: parent)
            }
            parent.finish()
            c.expect.equal(response, "no_parent:response", "response")
            verifyParentNotPickedUp(c, try await c.harness.finishedSpans())

            // The good solution: a handler that uses the active span gets the parent only while it is active.
            try await c.harness.reset()
            let following = TaskRequestClient(c, handler: RequestHandler(c, ignoreActiveSpan: false))
            let goodParent = c.tracer.startSpan("parent")
            let correct = await c.scopeManager.withActiveSpan(goodParent, isolation: #isolation) {
                await following.send("correct_parent")
            }
            goodParent.finish()
            let unrelated = await following.send("wrong_parent")
            c.expect.equal([correct, unrelated], ["correct_parent:response", "wrong_parent:response"], "responses")
            let spans = try await c.harness.finishedSpans()
            try c.expect.require(c.expectNames(spans, ["send", "parent", "send"]), "unexpected spans")
            c.expectChild(spans[0], of: spans[1])
            c.expectRoot(spans[2])
            c.expectDifferentTraces(spans[2], spans[1])
        },
    ]

    private static func verifyTwoRequests(_ c: CheckContext, _ spans: [RecordedSpan]) {
        guard c.expectNames(spans, ["send", "send"]) else { return }
        c.expectRoot(spans[0])
        c.expectRoot(spans[1])
        c.expectDifferentTraces(spans[0], spans[1])
        c.expect.equal(
            c.spans(spans, tagged: SpanTag.spanKind, SpanTag.SpanKind.rpcClient).count,
            2,
            "client spans"
        )
    }

    private static func verifyParentNotPickedUp(_ c: CheckContext, _ spans: [RecordedSpan]) {
        guard c.expectNames(spans, ["send", "parent"]) else { return }
        c.expectRoot(spans[0])
        c.expectDifferentTraces(spans[0], spans[1])
    }
}

/// The per-request state the handler keeps between its two calls.
private final class RequestContext: Sendable {
    let span = LockedValue<(any Span)?>(nil)
}

/// The shared handler: starts `send` before a request, finishes it after the response.
private final class RequestHandler: Sendable {
    private let c: CheckContext
    private let parent: (any SpanContext)?
    private let ignoreActiveSpan: Bool

    init(_ c: CheckContext, parent: (any SpanContext)? = nil, ignoreActiveSpan: Bool = true) {
        self.c = c
        self.parent = parent
        self.ignoreActiveSpan = ignoreActiveSpan
    }

    func beforeRequest(_ request: String, _ context: RequestContext) {
        // Another thread or task may run afterResponse, so the span is stored, not activated.
        let span = c.tracer.startSpan(
            "send",
            childOf: parent,
            tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcClient],
            ignoreActiveSpan: ignoreActiveSpan
        )
        context.span.withLock { $0 = span }
    }

    func afterResponse(_ response: String, _ context: RequestContext) {
        let span = context.span.withLock { $0 }
        c.expect.check(span != nil, "afterResponse('\(response)') found no span")
        span?.finish()
    }
}

/// The threads variant's client: the request and the response run on different executor threads.
private final class ThreadRequestClient: Sendable {
    private let c: CheckContext
    private let handler: RequestHandler
    private let requestExecutor = WorkerPool("common_request_handler.request", threads: 2)
    private let responseExecutor = WorkerPool("common_request_handler.response", threads: 2)

    init(_ c: CheckContext, handler: RequestHandler) {
        self.c = c
        self.handler = handler
    }

    func send(_ message: String) -> ThreadFuture<String> {
        let context = RequestContext()
        return requestExecutor.submit { [c, handler, responseExecutor] () -> String in
            handler.beforeRequest(message, context)
            c.expect.noActiveSpan(c.tracer, "on the request thread")
            let response = responseExecutor.submit { () -> String in
                let response = "\(message):response"
                handler.afterResponse(response, context)
                return response
            }
            return response.get() ?? "no response"
        }
    }
}

/// The concurrency variant's client: the request and the response run in child tasks.
private final class TaskRequestClient: Sendable {
    private let c: CheckContext
    private let handler: RequestHandler

    init(_ c: CheckContext, handler: RequestHandler) {
        self.c = c
        self.handler = handler
    }

    /// Sends `message`; with `expectingActive`, also checks that the handler's tasks see that span as active.
    func send(_ message: String, expectingActive active: (any Span)? = nil) async -> String {
        let context = RequestContext()
        await Task { [c, handler] in
            if let active { c.expect.isActive(active, c.tracer, "in the request task") }
            handler.beforeRequest(message, context)
        }.value
        return await Task { [c, handler] in
            if let active { c.expect.isActive(active, c.tracer, "in the response task") }
            let response = "\(message):response"
            handler.afterResponse(response, context)
            return response
        }.value
    }
}

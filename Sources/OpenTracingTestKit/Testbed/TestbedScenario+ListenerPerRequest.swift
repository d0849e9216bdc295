import OpenTracing

extension TestbedScenario {
    /// `listener_per_request`: a span that is never activated is handed to a per-request listener, which
    /// finishes it on another thread or task when the response arrives.
    static let listenerPerRequest: [TestbedScenario] = [
        TestbedScenario(
            "listener_per_request",
            threads: "A per-request listener finishes the never-activated client span on an executor thread."
        ) { c in
            let executor = WorkerPool("listener_per_request", threads: 1)
            let span = c.tracer.startSpan("send", tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcClient])
            let listener = ResponseListener(span)
            let response = executor.submit { () -> String in
                let response = "message:response"
                listener.onResponse(response)
                c.expect.noActiveSpan(c.tracer, "on the executor thread")
                return response
            }
            c.expect.equal(response.get(), "message:response", "response")
            verifyListenerPerRequest(c, try c.finishedSpansFromThread())
        },
        TestbedScenario(
            "listener_per_request",
            concurrency: "A per-request listener finishes the never-activated client span in another task."
        ) { c in
            let span = c.tracer.startSpan("send", tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcClient])
            let listener = ResponseListener(span)
            let response = await Task.detached { () -> String in
                let response = "message:response"
                listener.onResponse(response)
                c.expect.noActiveSpan(c.tracer, "in the listener's task")
                return response
            }.value
            c.expect.equal(response, "message:response", "response")
            verifyListenerPerRequest(c, try await c.harness.finishedSpans())
        },
    ]

    private static func verifyListenerPerRequest(_ c: CheckContext, _ spans: [RecordedSpan]) {
        guard c.expectNames(spans, ["send"]) else { return }
        c.expect.equal(spans[0].tags[SpanTag.spanKind], SpanTag.SpanKind.rpcClient, "span.kind of 'send'")
        c.expectRoot(spans[0])
    }
}

/// Holds the request's span and finishes it when the response arrives.
private final class ResponseListener: Sendable {
    private let span: any Span

    init(_ span: any Span) {
        self.span = span
    }

    func onResponse(_ response: String) {
        span.finish()
    }
}

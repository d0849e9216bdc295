import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import OpenTracing

/// A module not yet migrated: it uses OpenTracing's global tracer and an imperative scope, then calls an HTTP
/// client that is instrumented with swift-distributed-tracing.
enum LegacyCheckout {
    static func run(client: HTTPClient, url: String) async throws -> String {
        let tracer = GlobalTracer.shared
        let span = tracer.startSpan("checkout", tags: ["cart.items": .int(3)])
        // Baggage set before activation is part of the shared context, so the HTTP client injects it.
        span.setBaggageItem("customer", "c-42")
        let scope = tracer.scopeManager.activate(span, finishOnClose: true)
        defer { scope.close() }

        // AsyncHTTPClient starts its client span with `withSpan` in this task: its parent is the active
        // OpenTracing span, and it injects `traceparent` and `baggage` into the request.
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(5))
        span.setTag("http.status_code", .int(Int64(response.status.code)))
        let body = try await response.body.collect(upTo: 1 << 20)
        return String(buffer: body)
    }
}

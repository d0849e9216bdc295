import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import OpenTracing

/// The demo's two services, instrumented only through the OpenTracing API, as the opentracing-python README's
/// flow: `checkout` extracts the caller's context, starts and activates a server span, does some work in a child
/// span, and calls `inventory` with a client span injected into the request headers; `inventory` extracts and
/// continues the trace. Asking for the ``failingItem`` makes `inventory` fail and record the error.
struct DemoShop: Sendable {
    /// The item `inventory` fails on: the demo's error path.
    static let failingItem = "gift-card"
    /// The baggage item the client sets and both services copy into a tag, to show that baggage travels.
    static let baggageKey = "customer.id"
    static let baggageTag = "demo.customer_id"

    let tracer: any Tracer
    let client: HTTPClient
    /// Where the client sends its orders.
    var checkoutPort = 0
    /// Where `checkout` asks for stock.
    var inventoryPort = 0

    // MARK: - checkout

    /// `GET /checkout?item=…`: prices the cart, asks `inventory`, answers 200, or 502 when `inventory` failed.
    func checkout(_ request: DemoHTTPServer.Request) async -> DemoHTTPServer.Response {
        let span = startServerSpan(request, operationName: "GET /checkout")
        defer { span.finish() }
        return await tracer.scopeManager.withActiveSpan(span, isolation: nil) {
            if let customer = span.baggageItem(Self.baggageKey) {
                span.setTag(Self.baggageTag, .string(customer))
            }
            // Some work in a child of the active span (no explicit parent: the scope manager supplies it).
            let pricing = tracer.startSpan("price cart", tags: ["cart.items": 1])
            pricing.log(["event": "price computed", "amount.cents": 1_999])
            pricing.finish()

            let item = Self.queryValue("item", in: request.uri) ?? "book"
            let status = await callInventory(item: item)
            let answer: HTTPResponseStatus = status == .ok ? .ok : .badGateway
            span.setTag(SpanTag.httpStatusCode, TagValue(answer.code))
            if answer != .ok {
                span.setTag(SpanTag.error, true)
            }
            return DemoHTTPServer.Response(status: answer, body: answer == .ok ? "ordered \(item)\n" : "failed\n")
        }
    }

    /// The outbound call: a client span, child of the active server span, injected into the request headers.
    private func callInventory(item: String) async -> HTTPResponseStatus {
        let url = "http://127.0.0.1:\(inventoryPort)/inventory?item=\(item)"
        let span = startClientSpan("GET /inventory", url: url, peerService: "inventory", port: inventoryPort)
        defer { span.finish() }
        let status = await send(url, from: "checkout", context: span.context)
        span.setTag(SpanTag.httpStatusCode, TagValue(status.code))
        if status != .ok {
            span.setTag(SpanTag.error, true)
        }
        return status
    }

    // MARK: - inventory

    /// `GET /inventory?item=…`: continues the caller's trace; fails for ``failingItem``.
    func inventory(_ request: DemoHTTPServer.Request) async -> DemoHTTPServer.Response {
        let span = startServerSpan(request, operationName: "GET /inventory")
        defer { span.finish() }
        return tracer.scopeManager.withActiveSpan(span) {
            if let customer = span.baggageItem(Self.baggageKey) {
                span.setTag(Self.baggageTag, .string(customer))
            }
            let item = Self.queryValue("item", in: request.uri) ?? ""
            guard item != Self.failingItem else {
                let error = DemoError.inventoryUnavailable(item: item)
                // The OpenTracing error convention: the `error` tag and an `event=error` log with the error object.
                span.setTag(SpanTag.error, true)
                span.log(fields: [
                    LogField(LogFieldKey.event, "error"),
                    LogField(LogFieldKey.errorObject, .error(error)),
                    LogField(LogFieldKey.message, .string(error.description)),
                ], timestamp: nil)
                span.setTag(SpanTag.httpStatusCode, 500)
                return DemoHTTPServer.Response(status: .internalServerError, body: "\(error)\n")
            }
            span.setTag(SpanTag.httpStatusCode, 200)
            return DemoHTTPServer.Response(status: .ok, body: "in stock: \(item)\n")
        }
    }

    // MARK: - The client

    /// One request of the demo's client: a root client span carrying the customer id as baggage, injected into
    /// the request to `checkout`.
    ///
    /// - Returns: The trace id and the answer's status.
    func order(item: String, customer: String) async -> (traceID: String, status: HTTPResponseStatus) {
        let url = "http://127.0.0.1:\(checkoutPort)/checkout?item=\(item)"
        let span = startClientSpan("GET /checkout", url: url, peerService: "checkout", port: checkoutPort, root: true)
        defer { span.finish() }
        span.setBaggageItem(Self.baggageKey, customer)
        let status = await send(url, from: "demo-client", context: span.context)
        span.setTag(SpanTag.httpStatusCode, TagValue(status.code))
        if status != .ok {
            span.setTag(SpanTag.error, true)
        }
        return (span.context.traceID, status)
    }

    // MARK: - Helpers

    /// Extracts the caller's context from the headers and starts a server span tagged as the seed does.
    private func startServerSpan(
        _ request: DemoHTTPServer.Request,
        operationName: String
    ) -> any Span {
        // A malformed header is not the request's fault: it starts a new trace.
        let parent = try? tracer.extract(format: .httpHeaders, from: DemoHeadersCarrier(request.headers))
        // span.kind as a start tag, so that a sampler sees the kind; the rest as the seed sets them, one by one.
        let span = tracer.startSpan(operationName, childOf: parent, tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcServer])
        span.setTag(SpanTag.httpMethod, .string(request.method.rawValue))
        span.setTag(SpanTag.httpURL, .string("http://\(request.headers.first(name: "Host") ?? "127.0.0.1")\(request.uri)"))
        if let address = request.remoteAddress {
            if let ip = address.ipAddress {
                span.setTag(address.protocol == .inet6 ? SpanTag.peerIPv6 : SpanTag.peerIPv4, .string(ip))
            }
            if let remotePort = address.port {
                span.setTag(SpanTag.peerPort, TagValue(remotePort))
            }
        }
        span.setTag(SpanTag.peerService, .string(request.headers.first(name: "User-Agent") ?? "unknown"))
        return span
    }

    /// Starts a client span for `GET url`: a child of the active span, or a root.
    private func startClientSpan(
        _ operationName: String,
        url: String,
        peerService: String,
        port: Int,
        root: Bool = false
    ) -> any Span {
        let span = tracer.startSpan(
            operationName,
            tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcClient],
            ignoreActiveSpan: root
        )
        span.setTag(SpanTag.httpMethod, "GET")
        span.setTag(SpanTag.httpURL, .string(url))
        span.setTag(SpanTag.peerIPv4, "127.0.0.1")
        span.setTag(SpanTag.peerPort, TagValue(port))
        span.setTag(SpanTag.peerService, .string(peerService))
        return span
    }

    /// Sends `GET url` with `context` injected into the headers; a transport failure reads as 503.
    private func send(_ url: String, from service: String, context: any SpanContext) async -> HTTPResponseStatus {
        var request = HTTPClientRequest(url: url)
        var carrier = DemoHeadersCarrier()
        do {
            try tracer.inject(context, format: .httpHeaders, into: &carrier)
        } catch {
            StandardStreams.writeError("otlp-export demo: cannot inject the span context: \(error)\n")
        }
        request.headers = carrier.headers
        request.headers.replaceOrAdd(name: "User-Agent", value: service)
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            return response.status
        } catch {
            StandardStreams.writeError("otlp-export demo: GET \(url) failed: \(error)\n")
            return .serviceUnavailable
        }
    }

    private static func queryValue(_ name: String, in uri: String) -> String? {
        guard let query = uri.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.first.map(String.init) == name {
                return parts.count > 1 ? String(parts[1]) : ""
            }
        }
        return nil
    }
}

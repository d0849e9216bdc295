import OpenTracing

extension TestbedScenario {
    /// `client_server`: a client injects its span's context into a message; a server extracts it and continues the
    /// trace, also when a transport upper-cases the header keys.
    static let clientServer: [TestbedScenario] = [
        TestbedScenario(
            "client_server",
            threads: "A server thread continues the client's trace from a message taken off a blocking queue."
        ) { c in
            for transport in MessageTransport.allCases {
                try c.resetFromThread()
                let queue = BlockingQueue<[String: String]>()
                let server = WorkerPool("client_server.server", threads: 1)
                server.submit {
                    c.expect.capture {
                        let message = try c.expect.require(queue.take(), "\(transport): no message arrived")
                        let context = try c.tracer.extract(format: transport.format, from: message)
                        c.expect.check(context != nil, "\(transport): the server found no span context in \(message)")
                        let scope = c.tracer.startActiveSpan(
                            "receive",
                            childOf: context,
                            tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcServer, SpanTag.component: "example-server"]
                        )
                        scope.close()
                    }
                    c.expect.noActiveSpan(c.tracer, "on the server thread at the end")
                }
                let send = c.tracer.startActiveSpan(
                    "send",
                    tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcClient, SpanTag.component: "example-client"]
                )
                var message: [String: String] = [:]
                try c.tracer.inject(send.span.context, format: transport.format, into: &message)
                queue.put(transport.carry(message))
                send.close()
                try c.expect.require(server.waitUntilIdle(), "\(transport): the server did not finish")
                verifyClientServer(c, try c.finishedSpansFromThread(), transport: transport)
            }
        },
        TestbedScenario(
            "client_server",
            concurrency: "A server task continues the client's trace from a message received on an AsyncStream."
        ) { c in
            for transport in MessageTransport.allCases {
                try await c.harness.reset()
                let (messages, outbox) = AsyncStream.makeStream(of: [String: String].self)
                let server = Task.detached {
                    await c.expect.capture {
                        var iterator = messages.makeAsyncIterator()
                        let message = try c.expect.require(await iterator.next(), "\(transport): no message arrived")
                        let context = try c.tracer.extract(format: transport.format, from: message)
                        c.expect.check(context != nil, "\(transport): the server found no span context in \(message)")
                        await c.tracer.withActiveSpan(
                            "receive",
                            childOf: context,
                            tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcServer, SpanTag.component: "example-server"]
                        ) { span in
                            await hopThreads()
                            c.expect.isActive(span, c.tracer, "\(transport): inside 'receive'")
                        }
                    }
                    c.expect.noActiveSpan(c.tracer, "in the server task at the end")
                }
                try c.tracer.withActiveSpan(
                    "send",
                    tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcClient, SpanTag.component: "example-client"]
                ) { span in
                    var message: [String: String] = [:]
                    try c.tracer.inject(span.context, format: transport.format, into: &message)
                    outbox.yield(transport.carry(message))
                    outbox.finish()
                }
                await server.value
                verifyClientServer(c, try await c.harness.finishedSpans(), transport: transport)
            }
        },
    ]

    private static func verifyClientServer(_ c: CheckContext, _ spans: [RecordedSpan], transport: MessageTransport) {
        c.expect.equal(spans.count, 2, "\(transport): finished spans")
        let clients = c.spans(spans, tagged: SpanTag.spanKind, SpanTag.SpanKind.rpcClient)
        let servers = c.spans(spans, tagged: SpanTag.spanKind, SpanTag.SpanKind.rpcServer)
        guard clients.count == 1, servers.count == 1 else {
            c.expect.record("\(transport): expected one client and one server span, found \(spans)")
            return
        }
        c.expect.equal(clients[0].operationName, "send", "\(transport): client span name")
        c.expect.equal(servers[0].operationName, "receive", "\(transport): server span name")
        c.expectRoot(clients[0])
        c.expectChild(servers[0], of: clients[0])
    }
}

/// How the client's message reaches the server.
enum MessageTransport: CaseIterable, CustomStringConvertible {
    /// A text map, passed on unchanged.
    case textMap
    /// HTTP headers whose keys the transport upper-cases (header names are case-insensitive).
    case upperCasedHTTPHeaders

    var format: Format { self == .textMap ? .textMap : .httpHeaders }

    func carry(_ message: [String: String]) -> [String: String] {
        guard self == .upperCasedHTTPHeaders else { return message }
        return Dictionary(message.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    var description: String { self == .textMap ? "text map" : "upper-cased HTTP headers" }
}

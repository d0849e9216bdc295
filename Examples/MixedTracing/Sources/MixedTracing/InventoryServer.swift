import Instrumentation
import NIOCore
import NIOHTTP1
import NIOPosix
import Tracing

/// A small HTTP/1.1 server whose handler is instrumented with swift-distributed-tracing.
struct InventoryServer {
    let channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>

    static func bind() async throws -> InventoryServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: child)
                }
            }
        return InventoryServer(channel: channel)
    }

    var port: Int { channel.channel.localAddress?.port ?? 0 }

    /// Serves connections until the server channel closes.
    func run() async throws {
        try await channel.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in connections {
                    group.addTask { try? await Self.serve(connection) }
                }
            }
        }
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var requestHead: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let head):
                    requestHead = head
                case .body:
                    break
                case .end:
                    guard let head = requestHead else { continue }
                    let body = handle(head)
                    var buffer = ByteBuffer()
                    buffer.writeString(body)
                    var headers = HTTPHeaders()
                    headers.add(name: "content-length", value: String(buffer.readableBytes))
                    try await outbound.write(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers)))
                    try await outbound.write(.body(.byteBuffer(buffer)))
                    try await outbound.write(.end(nil))
                }
            }
        }
    }

    /// Continues the caller's trace from the request headers, then runs the handler in a server span.
    private static func handle(_ head: HTTPRequestHead) -> String {
        var context = InstrumentationContext.topLevel
        InstrumentationSystem.instrument.extract(head.headers, into: &context, using: HTTPHeadersExtractor())
        return withSpan("GET /inventory/:item", context: context, ofKind: .server) { span in
            span.attributes["http.request.method"] = head.method.rawValue
            span.attributes["url.path"] = head.uri
            let item = String(head.uri.split(separator: "/").last ?? "")
            return "item \(item): \(InventoryRepository.stock(of: item)) in stock"
        }
    }
}

/// Reads HTTP request headers for swift-distributed-tracing's `extract`.
struct HTTPHeadersExtractor: Extractor {
    func extract(key: String, from headers: HTTPHeaders) -> String? {
        let values = headers[key]
        return values.isEmpty ? nil : values.joined(separator: ",")
    }
}

import NIOCore
import NIOHTTP1
import NIOPosix

/// A minimal HTTP/1.1 server on the loopback interface for the demo's services: each request's head is handed
/// to an async handler, whose answer is written back with a plain-text body.
final class DemoHTTPServer: Sendable {
    struct Request: Sendable {
        var method: HTTPMethod
        var uri: String
        var headers: HTTPHeaders
        /// The caller's address: the server span's `peer.ipv4` and `peer.port`.
        var remoteAddress: SocketAddress?
    }

    struct Response: Sendable {
        var status: HTTPResponseStatus
        var body: String
    }

    typealias Handler = @Sendable (Request) async -> Response

    private let serverChannel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
    private let handler: Handler
    /// The port the system chose.
    let port: Int

    private init(
        serverChannel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>,
        port: Int,
        handler: @escaping Handler
    ) {
        self.serverChannel = serverChannel
        self.port = port
        self.handler = handler
    }

    /// Binds `127.0.0.1` on a free port; requests are served once ``run()`` is called.
    static func bind(handler: @escaping Handler) async throws -> DemoHTTPServer {
        let serverChannel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel
                    )
                }
            }
        guard let port = serverChannel.channel.localAddress?.port else {
            try? await serverChannel.channel.close()
            throw DemoError.noLocalAddress
        }
        return DemoHTTPServer(serverChannel: serverChannel, port: port, handler: handler)
    }

    /// Serves requests until ``shutdown()``; then closes the open connections and returns.
    func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await serverChannel.executeThenClose { connections in
                for try await connection in connections {
                    group.addTask { await self.serve(connection) }
                }
            }
            group.cancelAll()
        }
    }

    /// Stops accepting connections; ``run()`` then returns.
    func shutdown() {
        serverChannel.channel.close(promise: nil)
    }

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        let remoteAddress = connection.channel.remoteAddress
        // A reset or a shutdown ends the connection; there is nothing left to answer.
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                case .body:
                    break  // the demo's requests carry no body worth reading
                case .end:
                    guard let requestHead = head else { continue }
                    head = nil
                    let response = await handler(
                        Request(
                            method: requestHead.method,
                            uri: requestHead.uri,
                            headers: requestHead.headers,
                            remoteAddress: remoteAddress
                        ))
                    let body = ByteBuffer(string: response.body)
                    var headers = HTTPHeaders()
                    headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
                    headers.add(name: "Content-Length", value: String(body.readableBytes))
                    try await outbound.write(
                        .head(HTTPResponseHead(version: requestHead.version, status: response.status, headers: headers))
                    )
                    try await outbound.write(.body(.byteBuffer(body)))
                    try await outbound.write(.end(nil))
                    if !requestHead.isKeepAlive { return }
                }
            }
        }
    }
}

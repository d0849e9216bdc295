import CompressNIO
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import OTLPExporter

/// A tiny OTLP/HTTP receiver on 127.0.0.1 for the exporter tests: records every request, and answers as its script
/// says (a status, no answer at all, or a dropped connection).
final class LoopbackCollector: Sendable {
    struct Request: Sendable {
        var head: HTTPRequestHead
        /// The body as received.
        var rawBody: [UInt8]
        /// The body after gzip decoding when `Content-Encoding: gzip`.
        var body: [UInt8]

        func header(_ name: String) -> String? { head.headers.first(name: name) }
    }

    enum Reply: Sendable {
        case status(HTTPResponseStatus, headers: [(String, String)] = [], body: [UInt8] = [])
        /// Never answer (the connection stays open until the client gives up).
        case hang
        /// Close the connection without answering.
        case close
    }

    typealias Script = @Sendable (_ index: Int, _ request: Request) -> Reply

    private let channel: any Channel
    private let script: Script
    private let recorded = NIOLockedValueBox<[Request]>([])
    private let concurrency = NIOLockedValueBox<(inFlight: Int, maximum: Int)>((0, 0))

    /// Starts listening on an ephemeral port.
    init(tls: NIOSSLContext? = nil, script: @escaping Script = { _, _ in .status(.ok) }) async throws {
        self.script = script
        let box = NIOLockedValueBox<LoopbackCollector?>(nil)
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(Handler(collector: box.withLockedValue { $0 }!))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        box.withLockedValue { $0 = self }
    }

    var port: Int { channel.localAddress?.port ?? 0 }

    /// `http://127.0.0.1:<port>/v1/traces`.
    var tracesURL: String { "http://127.0.0.1:\(port)/v1/traces" }

    /// `https://127.0.0.1:<port>/v1/traces`.
    var secureTracesURL: String { "https://127.0.0.1:\(port)/v1/traces" }

    var requests: [Request] { recorded.withLockedValue { $0 } }

    /// The most requests that were being received or awaiting their answer at the same time.
    var maximumConcurrentRequests: Int { concurrency.withLockedValue { $0.maximum } }

    fileprivate func requestStarted() {
        concurrency.withLockedValue { state in
            state.inFlight += 1
            state.maximum = max(state.maximum, state.inFlight)
        }
    }

    fileprivate func requestAnswered() {
        concurrency.withLockedValue { $0.inFlight -= 1 }
    }

    /// The spans of every recorded protobuf request, in arrival order.
    func decodedSpans() throws -> [OTLPDecodedRequest.Span] {
        try requests.flatMap { request in
            try OTLPDecodedRequest(protobuf: request.body).resourceSpans.flatMap { $0.scopeSpans.flatMap(\.spans) }
        }
    }

    func close() async throws {
        try await channel.close()
    }

    fileprivate func record(_ head: HTTPRequestHead, _ body: [UInt8]) -> Reply {
        var decoded = body
        if head.headers.first(name: "Content-Encoding") == "gzip" {
            var buffer = ByteBuffer(bytes: body)
            if let inflated = try? buffer.decompress(with: .gzip()) {
                decoded = Array(inflated.readableBytesView)
            }
        }
        let request = Request(head: head, rawBody: body, body: decoded)
        let index = recorded.withLockedValue { requests in
            requests.append(request)
            return requests.count - 1
        }
        return script(index, request)
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let collector: LoopbackCollector
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(collector: LoopbackCollector) {
            self.collector = collector
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = []
                collector.requestStarted()
            case .body(let buffer):
                body.append(contentsOf: buffer.readableBytesView)
            case .end:
                guard let head else { return }
                switch collector.record(head, body) {
                case .status(let status, let headers, let body):
                    var responseHeaders = HTTPHeaders(headers)
                    responseHeaders.replaceOrAdd(name: "Content-Length", value: String(body.count))
                    context.write(
                        wrapOutboundOut(
                            .head(HTTPResponseHead(version: head.version, status: status, headers: responseHeaders))
                        ),
                        promise: nil
                    )
                    context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
                    // Answered once the client can see the answer: count it done before it is sent.
                    collector.requestAnswered()
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                case .hang:
                    break
                case .close:
                    context.close(promise: nil)
                }
            }
        }
    }
}

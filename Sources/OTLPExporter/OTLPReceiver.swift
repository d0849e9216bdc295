package import NIOCore
internal import NIOHTTP1
internal import NIOPosix
internal import ServiceLifecycle
internal import Synchronization

/// A local OTLP/HTTP trace receiver: what a collector does on `POST /v1/traces`, for the
/// `otlp-export receive` command, the demo and tests.
///
/// It answers like a collector (compat-spec.md §2.1): HTTP 200 with an `ExportTraceServiceResponse`
/// in the request's content type; 400 with a `google.rpc.Status` for bodies that do not decode;
/// 413 over ``Configuration/maxBodySize`` or, for gzip, ``Configuration/maxDecompressedBodySize``
/// (checked while inflating, so a gzip bomb is refused without being inflated); 415 for content
/// types other than `application/x-protobuf` and `application/json` and encodings other than gzip;
/// 404 for other paths and 405 for other methods. Protobuf bodies are decoded with libprotobuf-c
/// (``OTLPDecodedRequest/init(protobuf:)``), JSON ones with ``OTLPDecodedRequest/init(json:)``.
///
/// Each request is reported to the event handler before it is answered: a client that got HTTP 200
/// knows its spans were handled (written to a file, say).
///
/// ```swift
/// let receiver = try await OTLPReceiver.bind(configuration: .init(port: 0)) { event in
///     if case .received(let received) = event { print(received.request.spanCount) }
/// }
/// try await receiver.run()  // until shutdown() or cancellation
/// ```
package final class OTLPReceiver: Sendable {
    package typealias EventHandler = @Sendable (Event) async -> Void

    package let configuration: Configuration
    /// The address the receiver listens on.
    package let localAddress: SocketAddress
    private let serverChannel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
    private let eventHandler: EventHandler
    private let acceptedRequests = Atomic<Int>(0)
    private let acceptedSpans = Atomic<Int>(0)
    private let rejectedRequests = Atomic<Int>(0)
    private let running = Atomic<Bool>(false)

    private init(
        configuration: Configuration,
        serverChannel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>,
        localAddress: SocketAddress,
        eventHandler: @escaping EventHandler
    ) {
        self.configuration = configuration
        self.serverChannel = serverChannel
        self.localAddress = localAddress
        self.eventHandler = eventHandler
    }

    /// Binds the listening socket; requests are served once ``run()`` is called.
    ///
    /// - Parameters:
    ///   - configuration: Address and limits.
    ///   - eventLoopGroup: Defaults to NIO's shared group.
    ///   - eventHandler: Called once per answered request, possibly concurrently for requests on
    ///     different connections.
    /// - Throws: When the address cannot be resolved or bound (for example, the port is in use).
    package static func bind(
        configuration: Configuration = Configuration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        eventHandler: @escaping EventHandler = { _ in }
    ) async throws -> OTLPReceiver {
        let serverChannel = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel
                    )
                }
            }
        guard let localAddress = serverChannel.channel.localAddress else {
            try? await serverChannel.channel.close()
            throw OTLPReceiverError.noLocalAddress
        }
        return OTLPReceiver(
            configuration: configuration,
            serverChannel: serverChannel,
            localAddress: localAddress,
            eventHandler: eventHandler
        )
    }

    /// The port listened on: the configured one, or the one the system chose for port 0.
    package var port: Int {
        localAddress.port ?? configuration.port
    }

    /// The traces URL, e.g. `http://127.0.0.1:4318/v1/traces`.
    package var tracesURL: String {
        let host = localAddress.ipAddress.map { localAddress.protocol == .inet6 ? "[\($0)]" : $0 } ?? configuration.host
        return "http://\(host):\(port)\(OTLPReceiverExchange.tracesPath)"
    }

    /// Counts since the receiver started.
    package var statistics: Statistics {
        Statistics(
            requests: acceptedRequests.load(ordering: .relaxed),
            spans: acceptedSpans.load(ordering: .relaxed),
            errors: rejectedRequests.load(ordering: .relaxed)
        )
    }

    /// Serves requests until ``shutdown()``, graceful shutdown (as a ServiceLifecycle service) or
    /// cancellation; then closes the open connections and returns. Call it once.
    package func run() async throws {
        guard !running.exchange(true, ordering: .relaxed) else {
            throw OTLPReceiverError.alreadyRunning
        }
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await serverChannel.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { await self.serve(connection) }
                    }
                }
                // Idle keep-alive connections would otherwise keep the group open.
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.shutdown()
        }
    }

    /// Stops accepting connections; ``run()`` then returns. Safe to call at any time, more than once.
    package func shutdown() {
        serverChannel.channel.close(promise: nil)
    }

    // MARK: - Connections

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        let remoteAddress = connection.channel.remoteAddress.map(Self.describe)
        let allocator = connection.channel.allocator
        // Errors here are the connection's (reset, cancelled at shutdown): nothing to answer.
        try? await connection.executeThenClose { inbound, outbound in
            var parts = inbound.makeAsyncIterator()
            while let part = try await parts.next() {
                guard case .head(let head) = part else {
                    continue  // the rest of a request already answered
                }
                let keepConnection = try await exchange(
                    head,
                    parts: &parts,
                    outbound: outbound,
                    allocator: allocator,
                    remoteAddress: remoteAddress
                )
                if !keepConnection {
                    return
                }
            }
        }
    }

    /// Reads one request after its head and answers it.
    ///
    /// - Returns: Whether the connection can carry another request.
    private func exchange(
        _ head: HTTPRequestHead,
        parts: inout NIOAsyncChannelInboundStream<HTTPServerRequestPart>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>,
        allocator: ByteBufferAllocator,
        remoteAddress: String?
    ) async throws -> Bool {
        let reject = { (response: OTLPReceiverResponse) async throws -> Void in
            self.rejectedRequests.add(1, ordering: .relaxed)
            await self.eventHandler(
                .rejected(
                    Rejection(
                        statusCode: Int(response.status.code),
                        message: response.failureMessage ?? "",
                        method: head.method.rawValue,
                        uri: head.uri,
                        remoteAddress: remoteAddress
                    )))
            try await Self.write(response, keepAlive: false, head: head, to: outbound, allocator: allocator)
        }

        var exchange: OTLPReceiverExchange
        switch OTLPReceiverExchange.begin(head, configuration: configuration, allocator: allocator) {
        case .refused(let response):
            try await reject(response)
            // A client waiting for 100 Continue sends no body; otherwise drain it so that the
            // client reads the answer instead of a connection reset.
            if !Self.expectsContinue(head) {
                try await Self.drainBody(of: &parts, limit: configuration.maxBodySize)
            }
            return false
        case .started(let started):
            exchange = started
        }
        if Self.expectsContinue(head) {
            try await outbound.write(.head(HTTPResponseHead(version: head.version, status: .continue)))
        }

        while let part = try await parts.next() {
            switch part {
            case .head:
                return false  // a new request before this one ended: not valid HTTP
            case .body(let chunk):
                if let refusal = exchange.append(chunk) {
                    try await reject(refusal)
                    try await Self.drainBody(of: &parts, limit: configuration.maxBodySize)
                    return false
                }
            case .end:
                switch exchange.finish() {
                case .rejected(let response):
                    try await reject(response)
                    return false
                case .accepted(let request, let format, let bodySize, let decodedBodySize):
                    acceptedRequests.add(1, ordering: .relaxed)
                    acceptedSpans.add(request.spanCount, ordering: .relaxed)
                    await eventHandler(
                        .received(
                            ReceivedRequest(
                                request: request,
                                format: format,
                                gzipped: exchange.gzipped,
                                bodySize: bodySize,
                                decodedBodySize: decodedBodySize,
                                remoteAddress: remoteAddress
                            )))
                    try await Self.write(
                        .success(format), keepAlive: head.isKeepAlive, head: head, to: outbound, allocator: allocator)
                    return head.isKeepAlive
                }
            }
        }
        return false  // the connection ended mid-request
    }

    private static func expectsContinue(_ head: HTTPRequestHead) -> Bool {
        head.headers[canonicalForm: "expect"].contains { $0.lowercased() == "100-continue" }
    }

    /// Reads and discards the rest of a refused request's body, up to `limit` bytes.
    private static func drainBody(
        of parts: inout NIOAsyncChannelInboundStream<HTTPServerRequestPart>.AsyncIterator,
        limit: Int
    ) async throws {
        var discarded = 0
        while discarded <= limit, let part = try await parts.next() {
            switch part {
            case .head, .end:
                return
            case .body(let chunk):
                discarded += chunk.readableBytes
            }
        }
    }

    private static func write(
        _ response: OTLPReceiverResponse,
        keepAlive: Bool,
        head request: HTTPRequestHead,
        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>,
        allocator: ByteBufferAllocator
    ) async throws {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.count))
        for (name, value) in response.headers {
            headers.add(name: name, value: value)
        }
        if !keepAlive {
            headers.add(name: "Connection", value: "close")
        }
        let head = HTTPResponseHead(version: request.version, status: response.status, headers: headers)
        try await outbound.write(contentsOf: [
            .head(head),
            .body(.byteBuffer(allocator.buffer(bytes: response.body))),
            .end(nil),
        ])
    }

    private static func describe(_ address: SocketAddress) -> String {
        guard let ip = address.ipAddress, let port = address.port else {
            return address.description
        }
        return address.protocol == .inet6 ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }
}

extension OTLPReceiver: Service {}

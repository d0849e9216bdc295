import CompressNIO
import NIOCore
import NIOHTTP1

/// Answers every OTLP/HTTP protobuf POST with an empty `ExportTraceServiceResponse` (optionally after a delay) and
/// counts its spans (gunzipping `Content-Encoding: gzip` bodies); `GET /stats` returns the counts as JSON.
/// `bodyBytes` counts what crossed the wire (compressed, if it was).
final class CountingHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let statistics: ReceiverStatistics
    private let replyDelay: TimeAmount
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?

    init(statistics: ReceiverStatistics, replyDelay: TimeAmount) {
        self.statistics = statistics
        self.replyDelay = replyDelay
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = nil
        case .body(var chunk):
            if body == nil {
                body = chunk
            } else {
                body!.writeBuffer(&chunk)
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            let requestBody = body
            body = nil
            if requestHead.method == .GET && requestHead.uri == "/stats" {
                respond(context: context, head: requestHead, contentType: "application/json", body: statistics.json)
                return
            }
            let bodyBytes = requestBody?.readableBytes ?? 0
            var payload = requestBody
            if requestHead.headers["Content-Encoding"].first?.lowercased() == "gzip", var compressed = requestBody {
                payload = try? compressed.decompress(with: CompressionAlgorithm.gzip())
            }
            let spans = payload?.withUnsafeReadableBytes { SpanCounter.countSpans(in: $0) } ?? nil
            statistics.record(spans: spans, bodyBytes: bodyBytes)
            if replyDelay == .zero {
                respond(context: context, head: requestHead, contentType: "application/x-protobuf", body: "")
            } else {
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: replyDelay) {
                    let (handler, context) = loopBound.value
                    handler.respond(context: context, head: requestHead, contentType: "application/x-protobuf", body: "")
                }
            }
        }
    }

    private func respond(context: ChannelHandlerContext, head: HTTPRequestHead, contentType: String, body: String) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        let responseHead = HTTPResponseHead(version: head.version, status: .ok, headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        if !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        // The flushed bytes are already written; closing here ends `Connection: close` exchanges (the driver's).
        if !head.isKeepAlive { context.close(promise: nil) }
    }
}

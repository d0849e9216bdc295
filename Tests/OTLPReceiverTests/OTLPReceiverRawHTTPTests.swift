import NIOCore
import NIOPosix
import OTLPExporter
import ServiceLifecycleTestKit
import Testing

/// HTTP/1.1 details that AsyncHTTPClient does not exercise, over a plain TCP connection.
@Suite("OTLP/HTTP receiver over raw HTTP/1.1")
struct OTLPReceiverRawHTTPTests {
    /// Sends `head`, then `body` once `sendBodyAfter(answerSoFar)` holds (checked before reading too), and returns everything read
    /// until the server closes the connection or `complete` holds.
    static func exchange(
        port: Int,
        head: String,
        body: [UInt8],
        sendBodyAfter: @escaping (String) -> Bool,
        complete: @escaping (String) -> Bool
    ) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: head))
            var answer = ""
            var bodySent = false
            if sendBodyAfter(answer) {
                bodySent = true
                try await outbound.write(ByteBuffer(bytes: body))
            }
            for try await chunk in inbound {
                answer += String(buffer: chunk)
                if !bodySent && sendBodyAfter(answer) {
                    bodySent = true
                    try await outbound.write(ByteBuffer(bytes: body))
                }
                if complete(answer) {
                    break
                }
            }
            return answer
        }
    }

    static func head(contentLength: Int, expectContinue: Bool) -> String {
        "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-protobuf\r\n"
            + "Content-Length: \(contentLength)\r\n" + (expectContinue ? "Expect: 100-continue\r\n" : "") + "\r\n"
    }

    @Test(
        "Expect: 100-continue gets 100 Continue, then the body is read and answered with 200 (as curl sends large bodies)"
    )
    func expectContinue() async throws {
        let body = ReceiverTestFixtures.request.protobuf
        try await ReceiverHarness.withReceiver { receiver, log in
            let answer = try await Self.exchange(
                port: receiver.port,
                head: Self.head(contentLength: body.count, expectContinue: true),
                body: body,
                sendBodyAfter: { $0.contains("\r\n\r\n") },
                complete: { $0.contains("HTTP/1.1 200 OK") && $0.hasSuffix("\r\n\r\n") }
            )
            #expect(answer.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"))
            #expect(answer.contains("Content-Type: application/x-protobuf\r\n"))
            #expect(answer.contains("Content-Length: 0\r\n"))
            #expect(log.received.only?.request == ReceiverTestFixtures.request)
        }
    }

    @Test(
        "Expect: 100-continue with a declared body over the limit gets 413 at once, no 100 Continue, and the connection closes"
    )
    func expectContinueRefused() async throws {
        try await ReceiverHarness.withReceiver(OTLPReceiver.Configuration(port: 0, maxBodySize: 100)) { receiver, log in
            let answer = try await Self.exchange(
                port: receiver.port,
                head: Self.head(contentLength: 1_000_000, expectContinue: true),
                body: [],
                sendBodyAfter: { _ in false },
                complete: { _ in false }  // read until the server closes
            )
            #expect(answer.hasPrefix("HTTP/1.1 413 Payload Too Large\r\n"))
            #expect(!answer.contains("100 Continue"))
            #expect(answer.contains("Connection: close\r\n"))
            #expect(log.rejected.only?.statusCode == 413)
        }
    }
}

extension OTLPReceiverRawHTTPTests {
    @Test(
        "shutdown() ends run() even while a client holds an idle keep-alive connection, which the receiver then closes")
    func shutdownClosesIdleConnections() async throws {
        let receiver = try await OTLPReceiver.bind(configuration: OTLPReceiver.Configuration(port: 0))
        let running = Task { try await receiver.run() }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: receiver.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            // One complete exchange, so the connection is known to be served and then idle.
            let body = ReceiverTestFixtures.request.protobuf
            try await outbound.write(ByteBuffer(string: Self.head(contentLength: body.count, expectContinue: false)))
            try await outbound.write(ByteBuffer(bytes: body))
            var answer = ""
            var iterator = inbound.makeAsyncIterator()
            while !answer.hasSuffix("\r\n\r\n"), let chunk = try await iterator.next() {
                answer += String(buffer: chunk)
            }
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(!answer.contains("Connection: close"))

            receiver.shutdown()
            try await running.value
            // The server side closed the connection: the stream ends (or resets) without more data.
            let after = try? await iterator.next()
            #expect(after == nil)
        }
    }
}

extension OTLPReceiverRawHTTPTests {
    @Test("As a ServiceLifecycle service, graceful shutdown stops the receiver and run() returns")
    func gracefulShutdown() async throws {
        try await testGracefulShutdown { trigger in
            let receiver = try await OTLPReceiver.bind(configuration: OTLPReceiver.Configuration(port: 0))
            async let running: Void = receiver.run()
            #expect(
                try await ReceiverHarness.post(ReceiverTestFixtures.request.protobuf, to: receiver.tracesURL).status
                    == 200)
            trigger.triggerGracefulShutdown()
            try await running
            #expect(receiver.statistics == OTLPReceiver.Statistics(requests: 1, spans: 4, errors: 0))
        }
    }
}

extension OTLPReceiverRawHTTPTests {
    @Test("A gzip body of two members sent in one-byte chunks is inflated across every chunk and member boundary")
    func gzipInTinyChunks() async throws {
        let json = ReceiverTestFixtures.request.otlpJSON
        let half = json.count / 2
        let body = try ReceiverHarness.gzip(Array(json[..<half])) + ReceiverHarness.gzip(Array(json[half...]))
        // Chunked transfer coding: "1\r\n<byte>\r\n" per byte, then the last chunk.
        var chunked: [UInt8] = []
        for byte in body {
            chunked += Array("1\r\n".utf8) + [byte] + Array("\r\n".utf8)
        }
        chunked += Array("0\r\n\r\n".utf8)
        try await ReceiverHarness.withReceiver { receiver, log in
            let answer = try await Self.exchange(
                port: receiver.port,
                head: "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n",
                body: chunked,
                sendBodyAfter: { _ in true },
                complete: { $0.contains("\r\n\r\n{}") }
            )
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
            let received = try #require(log.received.only)
            #expect(received.request == ReceiverTestFixtures.request)
            #expect(received.bodySize == body.count)
            #expect(received.decodedBodySize == json.count)
        }
    }
}

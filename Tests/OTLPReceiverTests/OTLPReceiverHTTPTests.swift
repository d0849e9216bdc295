import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import OTLPExporter
import Testing

@Suite("OTLP/HTTP receiver answers like a collector (compat-spec.md §2.1)")
struct OTLPReceiverHTTPTests {
    let request = ReceiverTestFixtures.request

    @Test(
        "HTTP-3/HTTP-9: a protobuf export gets 200 with an ExportTraceServiceResponse in protobuf, and the handler gets exactly the spans sent"
    )
    func protobufExport() async throws {
        try await ReceiverHarness.withReceiver { receiver, log in
            let answer = try await ReceiverHarness.post(request.protobuf, to: receiver.tracesURL)
            #expect(answer.status == 200)
            #expect(answer.contentType == "application/x-protobuf")
            // Full success is the empty message; it must decode as a response without partial success.
            #expect(answer.body.isEmpty)
            #expect(try OTLPDecodedResponse(protobuf: answer.body) == OTLPDecodedResponse(partialSuccess: nil))
            // The handler ran before the answer was sent.
            let received = try #require(log.received.only)
            #expect(received.request == request)
            #expect(received.format == .protobuf)
            #expect(!received.gzipped)
            #expect(received.bodySize == request.protobuf.count)
            #expect(received.request.spanCount == 4)
        }
    }

    @Test(
        "HTTP-4/HTTP-8: an OTLP/JSON export gets 200 with a JSON ExportTraceServiceResponse, and the same spans as protobuf"
    )
    func jsonExport() async throws {
        try await ReceiverHarness.withReceiver { receiver, log in
            let answer = try await ReceiverHarness.post(
                request.otlpJSON, to: receiver.tracesURL, contentType: "application/json; charset=utf-8")
            #expect(answer.status == 200)
            #expect(answer.contentType == "application/json")
            #expect(String(decoding: answer.body, as: UTF8.self) == "{}")
            let received = try #require(log.received.only)
            #expect(received.request == request)
            #expect(received.format == .json)
        }
    }

    @Test("HTTP-1/HTTP-5: a gzip-compressed protobuf body is inflated and decoded")
    func gzipProtobuf() async throws {
        let compressed = try ReceiverHarness.gzip(request.protobuf)
        try await ReceiverHarness.withReceiver { receiver, log in
            let answer = try await ReceiverHarness.post(
                compressed, to: receiver.tracesURL, headers: [("Content-Encoding", "gzip")])
            #expect(answer.status == 200)
            let received = try #require(log.received.only)
            #expect(received.request == request)
            #expect(received.gzipped)
            #expect(received.bodySize == compressed.count)
            #expect(received.decodedBodySize == request.protobuf.count)
        }
    }

    @Test("HTTP-5: gzip bodies of several members (RFC 1952) are inflated whole; a truncated gzip body gets 400")
    func gzipMembersAndTruncation() async throws {
        let json = request.otlpJSON
        let half = json.count / 2
        let twoMembers = try ReceiverHarness.gzip(Array(json[..<half])) + ReceiverHarness.gzip(Array(json[half...]))
        let compressed = try ReceiverHarness.gzip(json)
        try await ReceiverHarness.withReceiver { receiver, log in
            let whole = try await ReceiverHarness.post(
                twoMembers, to: receiver.tracesURL, contentType: "application/json",
                headers: [("Content-Encoding", "gzip")])
            #expect(whole.status == 200)
            #expect(log.received.only?.request == request)

            for cut in [compressed.count - 1, compressed.count - 8, compressed.count / 2, 5] {
                let answer = try await ReceiverHarness.post(
                    Array(compressed[..<cut]),
                    to: receiver.tracesURL,
                    contentType: "application/json",
                    headers: [("Content-Encoding", "gzip")]
                )
                #expect(answer.status == 400, "cut at \(cut) of \(compressed.count)")
                #expect(answer.contentType == "application/json")
            }
            #expect(log.received.count == 1)
        }
    }

    @Test("HTTP-11: garbage gets 400 with a google.rpc.Status in the request's format, and is counted as an error")
    func garbage() async throws {
        try await ReceiverHarness.withReceiver { receiver, log in
            // Field 1, wire type 2, length 100, then only 3 bytes.
            let protobuf = try await ReceiverHarness.post([0x0A, 0x64, 0x01, 0x02, 0x03], to: receiver.tracesURL)
            #expect(protobuf.status == 400)
            #expect(protobuf.contentType == "application/x-protobuf")
            let status = try OTLPDecodedRPCStatus(protobuf: protobuf.body)
            #expect(status.code == 3)  // INVALID_ARGUMENT
            #expect(status.message.hasPrefix("invalid protobuf"))

            let json = try await ReceiverHarness.post(
                Array(#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"xyz"}]}]}]}"#.utf8),
                to: receiver.tracesURL, contentType: "application/json")
            #expect(json.status == 400)
            #expect(json.contentType == "application/json")
            let jsonStatus = try OTLPDecodedRequestJSONTests.object(json.body)
            #expect(jsonStatus["code"] as? Int == 3)
            #expect(
                (jsonStatus["message"] as? String)?.contains(
                    "resourceSpans[0].scopeSpans[0].spans[0].traceId is not a hex string") == true)

            #expect(log.received.isEmpty)
            #expect(log.rejected.map(\.statusCode) == [400, 400])
            #expect(receiver.statistics == OTLPReceiver.Statistics(requests: 0, spans: 0, errors: 2))
        }
    }

    @Test("HTTP-6: a body declared larger than the limit gets 413 before it is read")
    func oversizeDeclared() async throws {
        try await ReceiverHarness.withReceiver(OTLPReceiver.Configuration(port: 0, maxBodySize: 1024)) {
            receiver, log in
            let answer = try await ReceiverHarness.post([UInt8](repeating: 0x0A, count: 2048), to: receiver.tracesURL)
            #expect(answer.status == 413)
            #expect(answer.header("connection") == "close")
            let status = try OTLPDecodedRPCStatus(protobuf: answer.body)
            #expect(status.message == "request body larger than the limit of 1024 bytes")
            #expect(log.rejected.only?.statusCode == 413)

            // The limit is inclusive: a body of exactly the limit is read and decoded.
            let atLimit = try await ReceiverHarness.post([UInt8](repeating: 0, count: 1024), to: receiver.tracesURL)
            #expect(atLimit.status == 400)  // zeros are not a valid message, but were read
        }
    }

    @Test("HTTP-6: a chunked body of unknown length gets 413 as soon as it passes the limit")
    func oversizeStreamed() async throws {
        try await ReceiverHarness.withReceiver(OTLPReceiver.Configuration(port: 0, maxBodySize: 4096)) {
            receiver, log in
            let chunks = AsyncStream<ByteBuffer> { continuation in
                for _ in 0..<4 {
                    continuation.yield(ByteBuffer(repeating: 0x0A, count: 2048))
                }
                continuation.finish()
            }
            let answer = try await ReceiverHarness.send(to: receiver.tracesURL, body: .stream(chunks, length: .unknown))
            #expect(answer.status == 413)
            #expect(log.rejected.only?.message == "request body larger than the limit of 4096 bytes")
        }
    }

    @Test(
        "A gzip bomb (200 MiB of zeros in 200 KiB) gets 413 once its output passes the default 64 MiB decompressed limit, without being inflated further"
    )
    func gzipBomb() async throws {
        let bomb = try await ReceiverHarness.offCooperativePool { try ReceiverHarness.gzipBomb(members: 200) }
        #expect(bomb.count < 1 << 20)
        #expect(OTLPReceiver.Configuration().maxDecompressedBodySize == 64 << 20)
        try await ReceiverHarness.withReceiver { receiver, log in
            let answer = try await ReceiverHarness.post(
                bomb, to: receiver.tracesURL, headers: [("Content-Encoding", "gzip")])
            #expect(answer.status == 413)
            let status = try OTLPDecodedRPCStatus(protobuf: answer.body)
            #expect(status.message == "decompressed request body larger than the limit of 67108864 bytes")
            #expect(log.received.isEmpty)
        }
    }

    @Test("A single-member gzip bomb gets 413 as soon as its output passes the decompressed limit")
    func singleMemberGzipBomb() async throws {
        let bomb = try await ReceiverHarness.offCooperativePool {
            try ReceiverHarness.singleMemberGzipBomb(mebibytes: 32)
        }
        #expect(bomb.count < 64 * 1024)
        let configuration = OTLPReceiver.Configuration(port: 0, maxDecompressedBodySize: 1 << 20)
        try await ReceiverHarness.withReceiver(configuration) { receiver, log in
            let answer = try await ReceiverHarness.post(
                bomb, to: receiver.tracesURL, headers: [("Content-Encoding", "gzip")])
            #expect(answer.status == 413)
            let status = try OTLPDecodedRPCStatus(protobuf: answer.body)
            #expect(status.message == "decompressed request body larger than the limit of 1048576 bytes")
            #expect(log.rejected.only?.statusCode == 413)
        }
    }

    @Test("HTTP-3/HTTP-4: other content types and encodings get 415 with a protobuf google.rpc.Status")
    func unsupportedMediaType() async throws {
        try await ReceiverHarness.withReceiver { receiver, log in
            let text = try await ReceiverHarness.post(
                request.protobuf, to: receiver.tracesURL, contentType: "text/plain")
            #expect(text.status == 415)
            #expect(text.contentType == "application/x-protobuf")
            #expect(try OTLPDecodedRPCStatus(protobuf: text.body).message.contains("'text/plain'"))

            let missing = try await ReceiverHarness.post(request.protobuf, to: receiver.tracesURL, contentType: nil)
            #expect(missing.status == 415)

            let brotli = try await ReceiverHarness.post(
                request.protobuf, to: receiver.tracesURL, headers: [("Content-Encoding", "br")])
            #expect(brotli.status == 415)
            #expect(try OTLPDecodedRPCStatus(protobuf: brotli.body).message.contains("Content-Encoding 'br'"))
            #expect(log.received.isEmpty)
            #expect(receiver.statistics.errors == 3)
        }
    }

    @Test("Only POST /v1/traces is served: other paths get 404, other methods 405 with Allow: POST")
    func pathsAndMethods() async throws {
        try await ReceiverHarness.withReceiver { receiver, _ in
            let base = "http://127.0.0.1:\(receiver.port)"
            let metrics = try await ReceiverHarness.post(request.protobuf, to: base + "/v1/metrics")
            #expect(metrics.status == 404)
            #expect(try OTLPDecodedRPCStatus(protobuf: metrics.body).code == 5)

            let get = try await ReceiverHarness.send(.GET, to: receiver.tracesURL, contentType: nil)
            #expect(get.status == 405)
            #expect(get.header("allow") == "POST")

            let query = try await ReceiverHarness.post(request.protobuf, to: receiver.tracesURL + "?source=test")
            #expect(query.status == 200)
        }
    }

    @Test(
        "Port 0 binds a free loopback port; statistics count accepted requests, their spans and rejected requests over a kept-alive connection"
    )
    func portZeroAndStatistics() async throws {
        try await ReceiverHarness.withReceiver { receiver, log in
            #expect(receiver.port > 0)
            #expect(receiver.tracesURL == "http://127.0.0.1:\(receiver.port)/v1/traces")
            for _ in 0..<3 {
                #expect(try await ReceiverHarness.post(request.protobuf, to: receiver.tracesURL).status == 200)
            }
            #expect(try await ReceiverHarness.post([0xFF], to: receiver.tracesURL).status == 400)
            let empty = try await ReceiverHarness.post([], to: receiver.tracesURL)
            #expect(empty.status == 200)  // HTTP-9: an empty request succeeds
            #expect(receiver.statistics == OTLPReceiver.Statistics(requests: 4, spans: 12, errors: 1))
            #expect(log.received.map(\.request.spanCount) == [4, 4, 4, 0])
        }
    }
}

extension Array {
    /// The single element, or `nil` when there are none or several.
    var only: Element? {
        count == 1 ? first : nil
    }
}

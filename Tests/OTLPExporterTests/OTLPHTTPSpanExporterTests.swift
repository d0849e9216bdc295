import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import OTLPExporter
import OTelModel
import Testing

/// The exporter end to end, over real HTTP on loopback against ``LoopbackCollector``.
@Suite("OTLP/HTTP span exporter over loopback HTTP")
struct OTLPHTTPSpanExporterTests {
    /// Records the waits the exporter asks for and returns at once (or really waits, when `real`).
    final class Sleeps: Sendable {
        private let recorded = NIOLockedValueBox<[Duration]>([])
        let real: Bool
        init(real: Bool = false) { self.real = real }
        var durations: [Duration] { recorded.withLockedValue { $0 } }
        func sleep(_ duration: Duration) async throws {
            recorded.withLockedValue { $0.append(duration) }
            if real { try await Task.sleep(for: duration) }
        }
    }

    static let quickRetries = OTLPRetryPolicy(
        maximumAttempts: .max,
        initialBackoff: .milliseconds(20),
        maximumBackoff: .milliseconds(50),
        multiplier: 2
    )

    func makeExporter(
        _ url: String,
        timeout: Duration? = .seconds(5),
        compression: OTLPHTTPExporterConfiguration.Compression = .none,
        protocol: OTLPHTTPExporterConfiguration.ExportProtocol = .httpProtobuf,
        retryPolicy: OTLPRetryPolicy = quickRetries,
        headers: [(name: String, value: String)] = [],
        maximumRequestBodySize: Int = 64 * 1024 * 1024,
        maximumResponseBodySize: Int = 4 * 1024 * 1024,
        sleeps: Sleeps = Sleeps()
    ) throws -> OTLPHTTPSpanExporter {
        var configuration = OTLPHTTPExporterConfiguration(
            endpoint: try #require(OTLPEndpoint(signalURL: url)),
            headers: headers,
            timeout: timeout,
            compression: compression,
            protocol: `protocol`,
            retryPolicy: retryPolicy,
            maximumRequestBodySize: maximumRequestBodySize,
            maximumResponseBodySize: maximumResponseBodySize
        )
        configuration.userAgentPrefix = nil
        return try OTLPHTTPSpanExporter(
            configuration: configuration,
            logger: Logger(label: "test"),
            sleep: { try await sleeps.sleep($0) },
            jitter: { 1 }
        )
    }

    static let batch = (1...3).map { ModelSpanFixtures.simple(seed: UInt64($0)) }

    @Test(
        "HTTP 200: one POST to the endpoint path with protobuf content type, User-Agent and custom headers; the body decodes to the spans"
    )
    func delivered() async throws {
        let collector = try await LoopbackCollector()
        let exporter = try makeExporter(
            collector.tracesURL,
            headers: [("Authorization", "Bearer s3cret"), ("x-tenant", "a b")]
        )
        try await exporter.export(Self.batch)
        await exporter.shutdown()
        try await collector.close()

        let request = try #require(collector.requests.first)
        #expect(collector.requests.count == 1)
        #expect(request.head.method == .POST)
        #expect(request.head.uri == "/v1/traces")
        #expect(request.header("Content-Type") == "application/x-protobuf")
        #expect(request.header("User-Agent") == "OTel-OTLP-Exporter-Swift/\(OTLPExporterLibrary.version)")
        #expect(request.header("Authorization") == "Bearer s3cret")
        #expect(request.header("x-tenant") == "a b")
        #expect(request.header("Content-Encoding") == nil)
        #expect(try OTLPDecodedRequest(protobuf: request.body) == ModelSpanFixtures.expectedDecoded(Self.batch))
        let statistics = exporter.statistics
        #expect(statistics.exportedSpans == 3)
        #expect(statistics.requests == 1)
        #expect(statistics.retries == 0)
        #expect(statistics.droppedSpans == 0)
    }

    @Test("an empty batch sends no request (senders SHOULD NOT create empty envelopes)")
    func emptyBatch() async throws {
        let collector = try await LoopbackCollector()
        let exporter = try makeExporter(collector.tracesURL)
        try await exporter.export([])
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.isEmpty)
        #expect(exporter.statistics.requests == 0)
    }

    @Test("503 then 200: retried after the backoff, delivered once, the same body both times")
    func retriedAfter503() async throws {
        let collector = try await LoopbackCollector { index, _ in
            index == 0 ? .status(.serviceUnavailable) : .status(.ok)
        }
        let sleeps = Sleeps()
        let exporter = try makeExporter(collector.tracesURL, sleeps: sleeps)
        try await exporter.export(Self.batch)
        await exporter.shutdown()
        try await collector.close()

        #expect(collector.requests.count == 2)
        #expect(collector.requests[0].body == collector.requests[1].body)
        #expect(sleeps.durations == [.milliseconds(20)])
        let statistics = exporter.statistics
        #expect(
            (statistics.exportedSpans, statistics.retries, statistics.requests, statistics.droppedSpans) == (3, 1, 2, 0)
        )
    }

    @Test("429, 502, 503 and 504 are retried; the waits grow exponentially up to the cap")
    func retryableStatuses() async throws {
        let statuses: [HTTPResponseStatus] = [.tooManyRequests, .badGateway, .serviceUnavailable, .gatewayTimeout]
        let collector = try await LoopbackCollector { index, _ in
            index < statuses.count ? .status(statuses[index]) : .status(.ok)
        }
        let sleeps = Sleeps()
        let exporter = try makeExporter(collector.tracesURL, sleeps: sleeps)
        try await exporter.export(Self.batch)
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.count == 5)
        #expect(sleeps.durations == [.milliseconds(20), .milliseconds(40), .milliseconds(50), .milliseconds(50)])
        #expect(exporter.statistics.exportedSpans == 3)
    }

    @Test("429 with Retry-After: 1 waits one real second before the retry")
    func retryAfterSeconds() async throws {
        let collector = try await LoopbackCollector { index, _ in
            index == 0 ? .status(.tooManyRequests, headers: [("Retry-After", "1")]) : .status(.ok)
        }
        let sleeps = Sleeps(real: true)
        let exporter = try makeExporter(collector.tracesURL, sleeps: sleeps)
        let clock = ContinuousClock()
        let start = clock.now
        try await exporter.export(Self.batch)
        let elapsed = clock.now - start
        await exporter.shutdown()
        try await collector.close()
        #expect(sleeps.durations == [.seconds(1)])
        #expect(elapsed >= .milliseconds(990))
        #expect(elapsed < .seconds(5))
        #expect(collector.requests.count == 2)
        #expect(exporter.statistics.exportedSpans == 3)
    }

    @Test("a Retry-After longer than the time left drops the batch at once instead of waiting")
    func retryAfterBeyondDeadline() async throws {
        let collector = try await LoopbackCollector { _, _ in
            .status(.serviceUnavailable, headers: [("Retry-After", "3600")])
        }
        let sleeps = Sleeps()
        let exporter = try makeExporter(collector.tracesURL, timeout: .seconds(5), sleeps: sleeps)
        await #expect(throws: OTLPHTTPExporterError.self) { try await exporter.export(Self.batch) }
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.count == 1)
        #expect(sleeps.durations.isEmpty)
        #expect(exporter.statistics.droppedSpans == 3)
    }

    @Test("400 is not retried: the batch is dropped and counted, the Status message reported")
    func badRequest() async throws {
        var status = ProtobufReverseWriter()
        status.writeRPCStatus(code: 3, message: "bad span")
        let body = status.writtenBytes
        let collector = try await LoopbackCollector { _, _ in .status(.badRequest, body: body) }
        let exporter = try makeExporter(collector.tracesURL)
        await #expect(throws: OTLPHTTPExporterError.requestFailed(status: 400, message: "bad span")) {
            try await exporter.export(Self.batch)
        }
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.count == 1)
        let statistics = exporter.statistics
        #expect(
            (statistics.droppedSpans, statistics.failedRequests, statistics.retries, statistics.exportedSpans) == (
                3, 1, 0, 0
            )
        )
    }

    @Test("other 4xx and 5xx codes (401, 404, 413, 500) are not retried")
    func otherStatusesNotRetried() async throws {
        for code in [401, 404, 413, 500] as [UInt] {
            let collector = try await LoopbackCollector { _, _ in .status(HTTPResponseStatus(statusCode: Int(code))) }
            let exporter = try makeExporter(collector.tracesURL)
            await #expect(throws: OTLPHTTPExporterError.self) { try await exporter.export(Self.batch) }
            await exporter.shutdown()
            try await collector.close()
            #expect(collector.requests.count == 1, "HTTP \(code)")
            #expect(exporter.statistics.droppedSpans == 3)
        }
    }

    @Test("partial success is logged with the rejected count and never retried")
    func partialSuccess() async throws {
        var response = ProtobufReverseWriter()
        response.writeExportTraceServiceResponse(partialSuccess: (rejectedSpans: 2, errorMessage: "too old"))
        let body = response.writtenBytes
        let collector = try await LoopbackCollector { _, _ in .status(.ok, body: body) }
        let exporter = try makeExporter(collector.tracesURL)
        try await exporter.export(Self.batch)
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.count == 1)
        let statistics = exporter.statistics
        #expect(
            (statistics.exportedSpans, statistics.rejectedSpans, statistics.droppedSpans, statistics.retries) == (
                1, 2, 2, 0
            )
        )
    }

    @Test("a server that never answers: the export ends at its timeout, without hanging, and the batch is dropped")
    func neverAnswers() async throws {
        let collector = try await LoopbackCollector { _, _ in .hang }
        let exporter = try makeExporter(collector.tracesURL, timeout: .milliseconds(300))
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: OTLPHTTPExporterError.timedOut) { try await exporter.export(Self.batch) }
        let elapsed = clock.now - start
        await exporter.shutdown()
        try await collector.close()
        #expect(elapsed >= .milliseconds(290))
        #expect(elapsed < .seconds(5), "ends at the timeout, not later (loose bound for loaded machines)")
        #expect(collector.requests.count == 1)
        #expect(exporter.statistics.droppedSpans == 3)
    }

    @Test("a connection dropped without a response is retried")
    func disconnectRetried() async throws {
        let collector = try await LoopbackCollector { index, _ in index == 0 ? .close : .status(.ok) }
        let exporter = try makeExporter(collector.tracesURL)
        try await exporter.export(Self.batch)
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.count == 2)
        #expect(exporter.statistics.exportedSpans == 3)
        #expect(exporter.statistics.retries == 1)
    }

    @Test("connection refused: retried with backoff until the timeout, then dropped and counted")
    func connectionRefused() async throws {
        // A port that was just free: bind, note it, close.
        let probe = try await LoopbackCollector()
        let url = probe.tracesURL
        try await probe.close()
        let sleeps = Sleeps(real: true)
        // Generous for a loaded machine: connection failures are immediate, so this allows many attempts.
        let exporter = try makeExporter(url, timeout: .seconds(1), sleeps: sleeps)
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: OTLPHTTPExporterError.self) { try await exporter.export(Self.batch) }
        let elapsed = clock.now - start
        await exporter.shutdown()
        let statistics = exporter.statistics
        #expect(statistics.retries >= 1, "\(statistics)")
        #expect(statistics.requests == statistics.retries + 1)
        #expect(statistics.droppedSpans == 3)
        #expect(statistics.failedRequests == 1)
        #expect(statistics.exportedSpans == 0)
        #expect(elapsed < .seconds(5), "bounded by the timeout")
        #expect(sleeps.durations.first == .milliseconds(20))
        #expect(sleeps.durations.allSatisfy { $0 <= .milliseconds(50) }, "backoff capped")
    }

    @Test("gzip: the body really is gzip with Content-Encoding: gzip, and inflates to the same request as without")
    func gzip() async throws {
        let collector = try await LoopbackCollector()
        let plain = try makeExporter(collector.tracesURL, compression: .none)
        let compressed = try makeExporter(collector.tracesURL, compression: .gzip)
        try await plain.export(Self.batch)
        try await compressed.export(Self.batch)
        await plain.shutdown()
        await compressed.shutdown()
        try await collector.close()

        let requests = collector.requests
        #expect(requests.count == 2)
        #expect(requests[0].header("Content-Encoding") == nil)
        #expect(requests[1].header("Content-Encoding") == "gzip")
        #expect(requests[1].rawBody.prefix(2) == [0x1F, 0x8B], "gzip magic")
        #expect(requests[1].rawBody != requests[0].rawBody)
        #expect(requests[1].body == requests[0].rawBody)
        #expect(try OTLPDecodedRequest(protobuf: requests[1].body) == ModelSpanFixtures.expectedDecoded(Self.batch))
    }

    @Test("http/json sends OTLP/JSON with Content-Type: application/json")
    func json() async throws {
        let collector = try await LoopbackCollector { _, _ in
            .status(
                .ok,
                headers: [("Content-Type", "application/json")],
                body: Array(#"{"partialSuccess":{"rejectedSpans":"1"}}"#.utf8)
            )
        }
        let exporter = try makeExporter(collector.tracesURL, protocol: .httpJSON)
        try await exporter.export(Self.batch)
        await exporter.shutdown()
        try await collector.close()
        let request = try #require(collector.requests.first)
        #expect(request.header("Content-Type") == "application/json")
        #expect(try OTLPJSONTestReader.request(request.body) == ModelSpanFixtures.expectedDecoded(Self.batch))
        #expect(exporter.statistics.rejectedSpans == 1)
    }

    @Test("a response body over the limit fails the export without retry")
    func responseTooLarge() async throws {
        let collector = try await LoopbackCollector { _, _ in .status(.ok, body: Array(repeating: 0, count: 4096)) }
        let exporter = try makeExporter(collector.tracesURL, maximumResponseBodySize: 1024)
        await #expect(throws: OTLPHTTPExporterError.responseTooLarge(limit: 1024)) {
            try await exporter.export(Self.batch)
        }
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.count == 1)
        #expect(exporter.statistics.droppedSpans == 3)
    }

    @Test(
        "a batch over the request size limit is split in halves until each part fits; a single oversized span is dropped and counted"
    )
    func requestSizeLimit() async throws {
        let collector = try await LoopbackCollector()
        let exporter = try makeExporter(collector.tracesURL, maximumRequestBodySize: 2048)
        var spans = (1...40).map { ModelSpanFixtures.simple(seed: UInt64($0)) }
        spans[7] = ModelSpanFixtures.simple(seed: 8, attributes: ["huge": .string(String(repeating: "x", count: 4096))])
        await #expect(throws: OTLPHTTPExporterError.self) { try await exporter.export(spans) }
        await exporter.shutdown()
        try await collector.close()

        #expect(collector.requests.count > 1)
        #expect(collector.requests.allSatisfy { $0.body.count <= 2048 })
        let received = try collector.decodedSpans().map(\.startTimeUnixNano)
        #expect(received == spans.map(\.startTime).filter { $0 != 1_008 }, "all but the oversized span, in order")
        let statistics = exporter.statistics
        #expect((statistics.exportedSpans, statistics.oversizedSpans, statistics.droppedSpans) == (39, 1, 1))
    }

    @Test("after shutdown, export fails and counts the spans as dropped")
    func exportAfterShutdown() async throws {
        let exporter = try makeExporter("http://127.0.0.1:9/v1/traces")
        await exporter.shutdown()
        await exporter.shutdown()
        await #expect(throws: OTelSpanExporterShutDownError.self) { try await exporter.export(Self.batch) }
        #expect(exporter.statistics.droppedSpans == 3)
    }

    @Test("an exporter released without shutdown releases its HTTP client without blocking or crashing")
    func releasedWithoutShutdown() throws {
        for _ in 0..<3 {
            _ = try makeExporter("http://127.0.0.1:9/v1/traces")
        }
    }

    @Test("10,000 spans through the batch processor, then shutdown: every span arrives exactly once")
    func tenThousandSpans() async throws {
        let collector = try await LoopbackCollector()
        let exporter = try makeExporter(collector.tracesURL)
        let processor = OTelBatchSpanProcessor(
            exporter: exporter,
            configuration: OTelBatchSpanProcessorConfiguration(maxQueueSize: 10_000, maxExportBatchSize: 512)
        )
        let provider = OTelTracerProvider(resource: ModelSpanFixtures.resource, processors: [processor])
        let tracer = provider.tracer(name: "load")
        for index in 0..<10_000 {
            tracer.startSpan("span \(index)", parent: nil, attributes: ["index": .int(Int64(index))]).end()
        }
        await provider.shutdown()
        try await collector.close()

        let spans = try collector.decodedSpans()
        #expect(spans.count == 10_000)
        #expect(Set(spans.map(\.spanID)).count == 10_000)
        #expect(Set(spans.map(\.name)).count == 10_000)
        #expect(processor.droppedSpanCount == 0)
        #expect(exporter.statistics.exportedSpans == 10_000)
        #expect(collector.requests.count >= 10_000 / 512)
        #expect(collector.maximumConcurrentRequests == 1, "the processor never runs two exports at once")
    }
}

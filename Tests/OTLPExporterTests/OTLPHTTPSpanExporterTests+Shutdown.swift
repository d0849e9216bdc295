import Logging
import NIOHTTP1
import OTLPExporter
import OTelModel
import Testing

/// Shutdown must end promptly when the collector is down: once it begins, each batch gets one attempt.
extension OTLPHTTPSpanExporterTests {
    /// Records each wait, tells the test it started, and waits for real (ends early only when cancelled).
    final class ObservedSleeps: Sendable {
        let entered: AsyncStream<Duration>
        private let enteredContinuation: AsyncStream<Duration>.Continuation

        init() {
            (entered, enteredContinuation) = AsyncStream.makeStream()
        }

        func sleep(_ duration: Duration) async throws {
            enteredContinuation.yield(duration)
            try await Task.sleep(for: duration)
        }
    }

    /// A URL on which nothing listens: a port that was just free.
    func refusingURL() async throws -> String {
        let probe = try await LoopbackCollector()
        let url = probe.tracesURL
        try await probe.close()
        return url
    }

    @Test("once shutdown begins, a batch that fails gets one attempt and no retry")
    func noRetryAfterShutdownBegins() async throws {
        let collector = try await LoopbackCollector { _, _ in .status(.serviceUnavailable) }
        let sleeps = Sleeps()
        let exporter = try makeExporter(collector.tracesURL, sleeps: sleeps)
        exporter.prepareForShutdown()
        await #expect(throws: OTLPHTTPExporterError.retriesExhausted(
            attempts: 1, lastFailure: "HTTP 503 (no retries: shutting down)")
        ) {
            try await exporter.export(Self.batch)
        }
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.count == 1)
        #expect(sleeps.durations.isEmpty)
        let statistics = exporter.statistics
        #expect((statistics.requests, statistics.retries, statistics.droppedSpans) == (1, 0, 3))
    }

    @Test(
        "shutdown beginning during a back-off wait ends the wait; the retry it makes is the last",
        .timeLimit(.minutes(1))
    )
    func shutdownEndsBackoffWait() async throws {
        let collector = try await LoopbackCollector { _, _ in .status(.serviceUnavailable) }
        let sleeps = ObservedSleeps()
        // A one-hour back-off and timeout: only the shutdown signal can end this export before the time limit.
        let exporter = try OTLPHTTPSpanExporter(
            configuration: OTLPHTTPExporterConfiguration(
                endpoint: try #require(OTLPEndpoint(signalURL: collector.tracesURL)),
                timeout: .seconds(7_200),
                retryPolicy: OTLPRetryPolicy(
                    maximumAttempts: 5, initialBackoff: .seconds(3_600), maximumBackoff: .seconds(3_600))
            ),
            logger: .init(label: "test"),
            sleep: { try await sleeps.sleep($0) },
            jitter: { 1 }
        )
        let export = Task { try await exporter.export(Self.batch) }
        var entered = sleeps.entered.makeAsyncIterator()
        #expect(await entered.next() == .seconds(3_600), "the first attempt failed and the exporter waits")
        exporter.prepareForShutdown()
        await #expect(throws: OTLPHTTPExporterError.retriesExhausted(
            attempts: 2, lastFailure: "HTTP 503 (no retries: shutting down)")
        ) {
            try await export.value
        }
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.count == 2)
        let statistics = exporter.statistics
        #expect((statistics.requests, statistics.retries, statistics.droppedSpans) == (2, 1, 3))
    }

    @Test("collector down: the processor's shutdown drains every queued batch with one attempt each, promptly")
    func shutdownWithCollectorDown() async throws {
        let url = try await refusingURL()
        // Real 10 s back-offs: without the shutdown signal, draining three batches would take at least 20 s.
        let exporter = try OTLPHTTPSpanExporter(
            configuration: OTLPHTTPExporterConfiguration(
                endpoint: try #require(OTLPEndpoint(signalURL: url)),
                timeout: .seconds(60),
                retryPolicy: OTLPRetryPolicy(
                    maximumAttempts: 5, initialBackoff: .seconds(10), maximumBackoff: .seconds(10))
            ),
            logger: .init(label: "test")
        )
        let processor = OTelBatchSpanProcessor(
            exporter: exporter,
            configuration: OTelBatchSpanProcessorConfiguration(maxQueueSize: 64, maxExportBatchSize: 2)
        )
        let provider = OTelTracerProvider(processors: [processor])
        let tracer = provider.tracer(name: "shutdown")
        for index in 0..<6 { tracer.startSpan("span \(index)", parent: nil).end() }
        let clock = ContinuousClock()
        let start = clock.now
        await provider.shutdown()
        let elapsed = clock.now - start

        let statistics = exporter.statistics
        #expect(statistics.droppedSpans == 6, "every span is accounted for as dropped")
        #expect(statistics.exportedSpans == 0)
        #expect(statistics.failedRequests == 3, "three batches of two, each failed once")
        #expect(statistics.retries <= 1, "at most the batch already waiting retries, once: \(statistics)")
        #expect(statistics.requests == 3 + statistics.retries)
        #expect(elapsed < .seconds(8), "no 10 s back-off was waited out (loose bound for a loaded machine)")
    }
}

import Dispatch
import Logging
import Synchronization
import Testing

@testable import OTelModel

@Suite("Batch span processor")
struct BatchSpanProcessorTests {
    private func makeProcessor(
        _ exporter: any OTelSpanExporter,
        queue: Int = 2048,
        batch: Int = 512,
        delay: Duration = .seconds(5),
        timeout: Duration = .seconds(30),
        clock: ManualClock = ManualClock(),
        logger: Logger = Logger(label: "test")
    ) -> OTelBatchSpanProcessor {
        OTelBatchSpanProcessor(
            exporter: exporter,
            configuration: .init(
                maxQueueSize: queue, maxExportBatchSize: batch, scheduleDelay: delay, exportTimeout: timeout),
            clock: clock,
            logger: logger
        )
    }

    @Test("full batch queue drops the new span and counts it")
    func fullQueueDrops() async throws {
        let exporter = GatedExporter()
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let processor = makeProcessor(exporter, queue: 4, batch: 2, logger: logger)
        var started = exporter.started.makeAsyncIterator()
        processor.onEnd(finishedSpan("s0"))
        processor.onEnd(finishedSpan("s1"))
        #expect(await started.next() == 2)  // the worker holds s0, s1 in a blocked export
        for index in 2..<8 { processor.onEnd(finishedSpan("s\(index)")) }
        #expect(processor.droppedSpanCount == 2)
        exporter.open()
        try await processor.forceFlush()
        #expect(exporter.exportedNames == ["s0", "s1", "s2", "s3", "s4", "s5"])
        let dropLogs = logs.all.filter { $0.message.contains("dropped") }
        #expect(dropLogs.count == 1)
        #expect(dropLogs.first?.metadata["count"] == "1")
        await processor.shutdown()
    }

    @Test("exports never overlap")
    func exportsNeverOverlap() async throws {
        let exporter = YieldingExporter()
        let processor = makeProcessor(exporter, queue: 10_000, batch: 7, delay: .zero)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                DispatchQueue.concurrentPerform(iterations: 4) { thread in
                    for index in 0..<250 { processor.onEnd(finishedSpan("t\(thread)-\(index)")) }
                }
            }
            for _ in 0..<8 {
                group.addTask { try? await processor.forceFlush() }
            }
        }
        try await processor.forceFlush()
        #expect(exporter.spanCount == 1_000)
        #expect(exporter.maximumConcurrentExports == 1)
        await processor.shutdown()
    }

    @Test("forceFlush exports everything queued, then flushes the exporter")
    func forceFlushExportsAll() async throws {
        let exporter = GatedExporter(open: true)
        let processor = makeProcessor(exporter, batch: 2)
        for index in 0..<5 { processor.onEnd(finishedSpan("s\(index)")) }
        try await processor.forceFlush()
        #expect(exporter.exportedNames == ["s0", "s1", "s2", "s3", "s4"])
        #expect(exporter.events.last == "flush")
        #expect(exporter.batches.map(\.count) == [2, 2, 1])
        await processor.shutdown()
    }

    @Test("shutdown flushes then shuts the exporter down; calls after shutdown are ignored")
    func shutdownOrder() async throws {
        let exporter = GatedExporter(open: true)
        let processor = makeProcessor(exporter, batch: 512)
        for index in 0..<3 { processor.onEnd(finishedSpan("s\(index)")) }
        await processor.shutdown()
        #expect(exporter.events == ["prepareForShutdown", "export(3)", "flush", "shutdown"])
        processor.onEnd(finishedSpan("late"))
        try await processor.forceFlush()
        await processor.shutdown()
        #expect(exporter.events == ["prepareForShutdown", "export(3)", "flush", "shutdown"])
        #expect(processor.droppedSpanCount == 0)
    }

    @Test("shutdown tells the exporter at once, while an export is in flight, so that it stops retrying")
    func shutdownAnnouncedDuringExport() async throws {
        let exporter = GatedExporter()
        let processor = makeProcessor(exporter, batch: 2)
        for index in 0..<3 { processor.onEnd(finishedSpan("s\(index)")) }
        var started = exporter.started.makeAsyncIterator()
        #expect(await started.next() == 2, "the full batch is being exported")
        let shutdown = Task { await processor.shutdown() }
        var prepared = exporter.preparedForShutdown.makeAsyncIterator()
        await prepared.next()
        #expect(exporter.events == ["prepareForShutdown"], "announced before the export in flight returns")
        exporter.open()
        await shutdown.value
        #expect(exporter.events == ["prepareForShutdown", "export(2)", "export(1)", "flush", "shutdown"])
    }

    @Test("the schedule delay triggers an export of a partial batch")
    func scheduleDelay() async throws {
        let clock = ManualClock()
        let exporter = GatedExporter(open: true)
        let processor = makeProcessor(exporter, batch: 512, delay: .seconds(5), clock: clock)
        var started = exporter.started.makeAsyncIterator()
        processor.onEnd(finishedSpan("a"))
        processor.onEnd(finishedSpan("b"))
        await clock.waitForSleepers(1)
        #expect(clock.sleeperDeadlines == [.seconds(5)])
        clock.advance(by: .milliseconds(4_999))
        #expect(exporter.batches.isEmpty)
        #expect(clock.sleeperDeadlines == [.seconds(5)])
        clock.advance(by: .milliseconds(1))
        #expect(await started.next() == 2)
        await processor.shutdown()
        #expect(exporter.exportedNames == ["a", "b"])
        #expect(exporter.flushCount == 1)
    }

    @Test("a full batch triggers an export before the delay")
    func batchSizeTrigger() async throws {
        let clock = ManualClock()
        let exporter = GatedExporter(open: true)
        let processor = makeProcessor(exporter, batch: 3, delay: .seconds(5), clock: clock)
        var started = exporter.started.makeAsyncIterator()
        for index in 0..<3 { processor.onEnd(finishedSpan("s\(index)")) }
        #expect(await started.next() == 3)
        #expect(clock.now.offset == .zero)
        await processor.shutdown()
    }

    @Test("an export that outlasts the export timeout is cancelled and reported")
    func exportTimeout() async throws {
        let clock = ManualClock()
        let exporter = CancellationAwareExporter()
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let processor = makeProcessor(exporter, delay: .zero, timeout: .seconds(1), clock: clock, logger: logger)
        var started = exporter.started.makeAsyncIterator()
        processor.onEnd(finishedSpan("slow"))
        _ = await started.next()
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
        try await processor.forceFlush()
        #expect(exporter.cancelledCount == 1)
        let failure = try #require(logs.all.first { $0.message == "Span export failed" })
        #expect(failure.metadata["error"]?.description.contains("timed out") == true)
        await processor.shutdown()
    }

    @Test("unsampled spans are not queued")
    func unsampledSkipped() async throws {
        let exporter = GatedExporter(open: true)
        let processor = makeProcessor(exporter)
        processor.onEnd(finishedSpan("no", sampled: false))
        processor.onEnd(finishedSpan("yes"))
        try await processor.forceFlush()
        #expect(exporter.exportedNames == ["yes"])
        await processor.shutdown()
    }

    @Test("N threads × M spans are all exported when the queue is large enough")
    func concurrentNoDrops() async throws {
        let threads = 8
        let spansPerThread = 1_000
        let exporter = OTelInMemorySpanExporter()
        let processor = OTelBatchSpanProcessor(
            exporter: exporter,
            configuration: .init(maxQueueSize: threads * spansPerThread)
        )
        let provider = OTelTracerProvider(resource: OTelResource(), processors: [processor])
        let tracer = provider.tracer(name: "load")
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<spansPerThread {
                let span = tracer.startSpan("t\(thread)", parent: nil, attributes: ["i": .int(Int64(index))])
                span.end()
            }
        }
        try await provider.forceFlush()
        let spans = exporter.finishedSpans
        #expect(spans.count == threads * spansPerThread)
        #expect(Set(spans.map(\.context.spanID)).count == threads * spansPerThread)
        for thread in 0..<threads {
            #expect(Set(exporter.spans(named: "t\(thread)").compactMap { $0.attributes["i"] }).count == spansPerThread)
        }
        #expect(processor.droppedSpanCount == 0)
        await provider.shutdown()
    }

    @Test("N threads × M spans into a small queue: exported plus counted drops is exactly N × M")
    func concurrentWithDrops() async throws {
        let threads = 8
        let spansPerThread = 500
        let exporter = GatedExporter()
        let processor = makeProcessor(exporter, queue: 256, batch: 64)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<spansPerThread { processor.onEnd(finishedSpan("t\(thread)-\(index)")) }
        }
        exporter.open()
        try await processor.forceFlush()
        let exported = exporter.exportedNames.count
        #expect(processor.droppedSpanCount > 0)
        #expect(exported + processor.droppedSpanCount == threads * spansPerThread)
        #expect(exported <= 256 + 64)
        #expect(Set(exporter.exportedNames).count == exported)
        await processor.shutdown()
    }
}

@Suite("Batch span processor configuration")
struct BatchSpanProcessorConfigurationTests {
    @Test("defaults are 2048 spans, batches of 512, 5000 ms delay and 30000 ms timeout")
    func defaults() {
        let configuration = OTelBatchSpanProcessorConfiguration(environment: [:], logger: Logger(label: "test"))
        #expect(configuration == .default)
        #expect(configuration.maxQueueSize == 2048)
        #expect(configuration.maxExportBatchSize == 512)
        #expect(configuration.scheduleDelay == .milliseconds(5000))
        #expect(configuration.exportTimeout == .milliseconds(30000))
    }

    @Test("OTEL_BSP_* variables override the defaults")
    func overrides() {
        let configuration = OTelBatchSpanProcessorConfiguration(
            environment: [
                "OTEL_BSP_MAX_QUEUE_SIZE": "100",
                "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "10",
                "OTEL_BSP_SCHEDULE_DELAY": "250",
                "OTEL_BSP_EXPORT_TIMEOUT": "1000",
            ],
            logger: Logger(label: "test")
        )
        #expect(configuration.maxQueueSize == 100)
        #expect(configuration.maxExportBatchSize == 10)
        #expect(configuration.scheduleDelay == .milliseconds(250))
        #expect(configuration.exportTimeout == .milliseconds(1000))
    }

    @Test("invalid OTEL_BSP_* values are logged and ignored; a batch larger than the queue is lowered to it")
    func invalidValues() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let configuration = OTelBatchSpanProcessorConfiguration(
            environment: [
                "OTEL_BSP_MAX_QUEUE_SIZE": "0",
                "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "4096",
                "OTEL_BSP_SCHEDULE_DELAY": "soon",
                "OTEL_BSP_EXPORT_TIMEOUT": "-5",
            ],
            logger: logger
        )
        #expect(configuration.maxQueueSize == 2048)
        #expect(configuration.maxExportBatchSize == 2048)
        #expect(configuration.scheduleDelay == .milliseconds(5000))
        #expect(configuration.exportTimeout == .milliseconds(30000))
        let warned = Set(logs.all.compactMap { $0.metadata["variable"]?.description })
        #expect(
            warned == [
                "OTEL_BSP_MAX_QUEUE_SIZE", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "OTEL_BSP_SCHEDULE_DELAY",
                "OTEL_BSP_EXPORT_TIMEOUT",
            ]
        )
    }

    @Test("a processor corrects an out-of-range configuration")
    func processorValidates() async {
        let processor = OTelBatchSpanProcessor(
            exporter: OTelInMemorySpanExporter(),
            configuration: .init(maxQueueSize: 0, maxExportBatchSize: 10)
        )
        #expect(processor.configuration.maxQueueSize == 1)
        #expect(processor.configuration.maxExportBatchSize == 1)
        await processor.shutdown()
    }
}

/// Yields inside every export and records the most exports seen at once.
final class YieldingExporter: OTelSpanExporter {
    private let inFlight = Atomic<Int>(0)
    private let maximum = Atomic<Int>(0)
    private let spans = Atomic<Int>(0)

    func export(_ batch: [OTelFinishedSpan]) async throws {
        let current = inFlight.add(1, ordering: .sequentiallyConsistent).newValue
        maximum.max(current, ordering: .sequentiallyConsistent)
        await Task.yield()
        spans.add(batch.count, ordering: .sequentiallyConsistent)
        inFlight.subtract(1, ordering: .sequentiallyConsistent)
    }

    func forceFlush() async throws { await Task.yield() }
    func shutdown() async {}

    var spanCount: Int { spans.load(ordering: .sequentiallyConsistent) }
    var maximumConcurrentExports: Int { maximum.load(ordering: .sequentiallyConsistent) }
}

/// Never finishes an export until the export is cancelled.
final class CancellationAwareExporter: OTelSpanExporter {
    private let waiting = LockedValue<CheckedContinuation<Void, any Error>?>(nil)
    private let cancelled = Atomic<Int>(0)
    let started: AsyncStream<Void>
    private let startedContinuation: AsyncStream<Void>.Continuation

    init() {
        (started, startedContinuation) = AsyncStream.makeStream()
    }

    func export(_ batch: [OTelFinishedSpan]) async throws {
        do {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let cancelledAlready = waiting.withLock { waiting in
                        if Task.isCancelled { return true }
                        waiting = continuation
                        return false
                    }
                    if cancelledAlready { continuation.resume(throwing: CancellationError()) }
                    startedContinuation.yield()
                }
            } onCancel: {
                let continuation = waiting.withLock { waiting in
                    defer { waiting = nil }
                    return waiting
                }
                continuation?.resume(throwing: CancellationError())
            }
        } catch {
            cancelled.add(1, ordering: .sequentiallyConsistent)
            throw error
        }
    }

    func forceFlush() async throws {}
    func shutdown() async {}

    var cancelledCount: Int { cancelled.load(ordering: .sequentiallyConsistent) }
}

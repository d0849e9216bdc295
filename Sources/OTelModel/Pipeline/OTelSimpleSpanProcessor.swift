public import Logging

/// Hands each ended, sampled span to the exporter as soon as it ends, one span per export.
///
/// Ending a span never waits for the export: spans queue (without bound) for a background task that exports them
/// in order, never two at once. Meant for tests and debugging; use ``OTelBatchSpanProcessor`` in production.
///
/// Call ``shutdown()`` (or the provider's) before releasing the processor: releasing it cancels the export task,
/// and spans not yet exported are lost (one warning with their count is logged).
///
/// [OpenTelemetry Specification: Simple processor](https://opentelemetry.io/docs/specs/otel/trace/sdk/#simple-processor)
public final class OTelSimpleSpanProcessor: OTelSpanProcessor {
    private let worker: ExportWorker
    private let workerTask: Task<Void, Never>

    /// Creates the processor and starts its export task.
    ///
    /// - Parameters:
    ///   - exporter: Receives each span; shut down by ``shutdown()``.
    ///   - exportTimeout: How long one export may run before it is cancelled.
    ///   - clock: Times the export timeout and ``forceFlush(timeout:)`` (inject a manual clock in tests).
    ///   - logger: Receives export-failure reports (rate-limited).
    public init(
        exporter: any OTelSpanExporter,
        exportTimeout: Duration = .milliseconds(30000),
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "OTelModel.OTelSimpleSpanProcessor")
    ) {
        let worker = ExportWorker(
            settings: .init(
                maxQueueSize: .max,
                maxExportBatchSize: 1,
                scheduleDelay: nil,
                exportTimeout: exportTimeout
            ),
            exporter: exporter,
            clock: clock,
            logger: logger
        )
        self.worker = worker
        workerTask = Task.detached { await worker.run() }
    }

    deinit {
        worker.reportAbandoned()
        workerTask.cancel()
    }

    /// Queues the span for export if it is sampled.
    public func onEnd(_ span: consuming OTelFinishedSpan) {
        guard span.context.isSampled else { return }
        worker.enqueue(span)
    }

    /// Returns once every span ended before the call is exported and the exporter is flushed.
    public func forceFlush() async throws {
        try await worker.forceFlush()
    }

    /// ``forceFlush()`` for at most `timeout` on the processor's clock (`nil`: no limit): then it throws
    /// ``OTelForceFlushTimeoutError`` at once, and the pending spans are still exported in the background.
    ///
    /// [OpenTelemetry Specification: ForceFlush](https://opentelemetry.io/docs/specs/otel/trace/sdk/#forceflush-1)
    public func forceFlush(timeout: Duration?) async throws {
        try await worker.forceFlush(timeout: timeout)
    }

    /// Exports what is pending, flushes, then shuts the exporter down; later calls and spans are ignored.
    public func shutdown() async {
        await worker.shutdown()
    }
}

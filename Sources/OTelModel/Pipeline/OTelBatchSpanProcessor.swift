public import Logging

/// Queues ended, sampled spans and exports them in batches from one background task.
///
/// The queue is bounded where spans enter: when it holds ``OTelBatchSpanProcessorConfiguration/maxQueueSize``
/// spans, a newly ended span is dropped and counted in ``droppedSpanCount`` (logged at most every 10 s). Ending a
/// span never blocks on export. Exports never overlap; one starts when a full batch is queued, when the schedule
/// delay has passed since the last one, on ``forceFlush()`` and on ``shutdown()``.
///
/// Call ``shutdown()`` (or the provider's) before releasing the processor: releasing it only cancels the export
/// task, and spans still queued (or being exported) are lost. The release logs one warning with their count; it
/// cannot export them, because a deinitializer must not wait for an export.
///
/// [OpenTelemetry Specification: Batching processor](https://opentelemetry.io/docs/specs/otel/trace/sdk/#batching-processor)
public final class OTelBatchSpanProcessor: OTelSpanProcessor {
    /// The effective configuration (out-of-range values corrected).
    public let configuration: OTelBatchSpanProcessorConfiguration
    private let worker: ExportWorker
    private let workerTask: Task<Void, Never>

    /// Creates the processor and starts its export task.
    ///
    /// - Parameters:
    ///   - exporter: Receives the batches; shut down by ``shutdown()``.
    ///   - configuration: Queue and batch sizes, delay and timeout.
    ///   - clock: Times the schedule delay and the export timeout (inject a manual clock in tests).
    ///   - logger: Receives dropped-span and export-failure reports (rate-limited).
    public init(
        exporter: any OTelSpanExporter,
        configuration: OTelBatchSpanProcessorConfiguration = .default,
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "OTelModel.OTelBatchSpanProcessor")
    ) {
        let valid = configuration.validated
        if valid != configuration {
            logger.warning(
                "Invalid batch span processor configuration corrected",
                metadata: ["given": "\(configuration)", "used": "\(valid)"]
            )
        }
        self.configuration = valid
        let worker = ExportWorker(
            settings: .init(
                maxQueueSize: valid.maxQueueSize,
                maxExportBatchSize: valid.maxExportBatchSize,
                scheduleDelay: valid.scheduleDelay,
                exportTimeout: valid.exportTimeout
            ),
            exporter: exporter,
            clock: clock,
            logger: logger
        )
        self.worker = worker
        // Detached: export work must not inherit the creator's task-locals (its active span).
        workerTask = Task.detached { await worker.run() }
    }

    deinit {
        worker.reportAbandoned()
        workerTask.cancel()
    }

    // No `onStart`: the processor ignores span starts, and a provider whose only processor is this one skips the
    // call (TracerProviderCore.spanStarted). Adding an `onStart` here means removing that shortcut.

    /// Queues the span if it is sampled; drops and counts it if the queue is full.
    public func onEnd(_ span: consuming OTelFinishedSpan) {
        guard span.context.isSampled else { return }
        worker.enqueue(span)
    }

    /// Exports every span queued before the call, then flushes the exporter; rethrows the exporter's flush error.
    ///
    /// [OpenTelemetry Specification: ForceFlush](https://opentelemetry.io/docs/specs/otel/trace/sdk/#forceflush-1)
    public func forceFlush() async throws {
        try await worker.forceFlush()
    }

    /// ``forceFlush()`` for at most `timeout` on the processor's clock (`nil`: no limit): then it throws
    /// ``OTelForceFlushTimeoutError`` at once, and the queued spans are still exported in the background.
    /// Cancelling the calling task ends the wait with `CancellationError`.
    ///
    /// [OpenTelemetry Specification: ForceFlush](https://opentelemetry.io/docs/specs/otel/trace/sdk/#forceflush-1)
    public func forceFlush(timeout: Duration?) async throws {
        try await worker.forceFlush(timeout: timeout)
    }

    /// Exports everything queued, flushes, then shuts the exporter down; later calls and spans are ignored.
    ///
    /// [OpenTelemetry Specification: Shutdown](https://opentelemetry.io/docs/specs/otel/trace/sdk/#shutdown-1)
    public func shutdown() async {
        await worker.shutdown()
    }

    /// How many spans were dropped because the queue was full.
    public var droppedSpanCount: Int { worker.droppedCount }
}

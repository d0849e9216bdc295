/// The settings of ``OTelBatchSpanProcessor``.
///
/// [OpenTelemetry Specification: Batching processor](https://opentelemetry.io/docs/specs/otel/trace/sdk/#batching-processor)
public struct OTelBatchSpanProcessorConfiguration: Sendable, Hashable {
    /// The most spans waiting for export; a span ending while the queue is full is dropped and counted.
    ///
    /// - Environment variable: `OTEL_BSP_MAX_QUEUE_SIZE`
    /// - Default value: 2048
    public var maxQueueSize: Int

    /// The most spans per export; a queue this full triggers an export at once.
    ///
    /// - Environment variable: `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`
    /// - Default value: 512
    /// - Supported values: 1 up to ``maxQueueSize`` (larger values are lowered to it).
    public var maxExportBatchSize: Int

    /// The longest a span waits for export when the queue holds less than a batch; zero exports each span as soon
    /// as it is queued.
    ///
    /// - Environment variable: `OTEL_BSP_SCHEDULE_DELAY` (milliseconds)
    /// - Default value: 5000 ms
    public var scheduleDelay: Duration

    /// How long an export may run before it is cancelled; zero means no limit.
    ///
    /// - Environment variable: `OTEL_BSP_EXPORT_TIMEOUT` (milliseconds)
    /// - Default value: 30000 ms
    public var exportTimeout: Duration

    /// Creates a configuration; the defaults are the spec's.
    public init(
        maxQueueSize: Int = 2048,
        maxExportBatchSize: Int = 512,
        scheduleDelay: Duration = .milliseconds(5000),
        exportTimeout: Duration = .milliseconds(30000)
    ) {
        self.maxQueueSize = maxQueueSize
        self.maxExportBatchSize = maxExportBatchSize
        self.scheduleDelay = scheduleDelay
        self.exportTimeout = exportTimeout
    }

    /// The spec defaults: 2048 spans, batches of 512, 5 s delay, 30 s timeout.
    public static let `default` = OTelBatchSpanProcessorConfiguration()

    /// This configuration with out-of-range values replaced: sizes at least 1, the batch no larger than the queue,
    /// durations not negative.
    var validated: OTelBatchSpanProcessorConfiguration {
        var valid = self
        valid.maxQueueSize = max(1, maxQueueSize)
        valid.maxExportBatchSize = min(max(1, maxExportBatchSize), valid.maxQueueSize)
        valid.scheduleDelay = max(.zero, scheduleDelay)
        valid.exportTimeout = max(.zero, exportTimeout)
        return valid
    }
}

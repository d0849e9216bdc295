public import Logging

extension OTelBatchSpanProcessorConfiguration {
    /// The configuration from the `OTEL_BSP_*` environment variables; unset or invalid ones (logged) keep the
    /// spec defaults.
    ///
    /// - `OTEL_BSP_SCHEDULE_DELAY` (ms, default 5000), `OTEL_BSP_EXPORT_TIMEOUT` (ms, default 30000),
    ///   `OTEL_BSP_MAX_QUEUE_SIZE` (default 2048), `OTEL_BSP_MAX_EXPORT_BATCH_SIZE` (default 512; at most the queue
    ///   size, so a larger value is lowered to it and logged).
    ///
    /// [OpenTelemetry Specification: Batch Span Processor](https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#batch-span-processor)
    public init(environment: OTelEnvironment = .process, logger: Logger) {
        self.init()
        if let value = environment.integer("OTEL_BSP_MAX_QUEUE_SIZE", minimum: 1, logger: logger) {
            maxQueueSize = value
        }
        if let value = environment.integer("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", minimum: 1, logger: logger) {
            if value > maxQueueSize {
                environment.warn(
                    "OTEL_BSP_MAX_EXPORT_BATCH_SIZE",
                    String(value),
                    hint: "must not exceed the queue size \(maxQueueSize); using \(maxQueueSize)",
                    logger: logger
                )
            }
            maxExportBatchSize = min(value, maxQueueSize)
        } else {
            maxExportBatchSize = min(maxExportBatchSize, maxQueueSize)
        }
        if let value = environment.milliseconds("OTEL_BSP_SCHEDULE_DELAY", logger: logger) {
            scheduleDelay = value
        }
        if let value = environment.milliseconds("OTEL_BSP_EXPORT_TIMEOUT", logger: logger) {
            exportTimeout = value
        }
    }
}

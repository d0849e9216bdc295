/// Sends finished spans somewhere (a collector, a file, memory).
///
/// Processors never call ``export(_:)`` concurrently on one exporter, and hand it sampled spans only.
///
/// [OpenTelemetry Specification: Span Exporter](https://opentelemetry.io/docs/specs/otel/trace/sdk/#span-exporter)
public protocol OTelSpanExporter: Sendable {
    /// Exports a batch of spans; throws if the batch could not be delivered.
    ///
    /// The exporter should stop and throw when its task is cancelled (processors cancel an export that exceeds
    /// their timeout).
    func export(_ batch: [OTelFinishedSpan]) async throws

    /// Delivers anything the exporter still buffers.
    func forceFlush() async throws

    /// Releases the exporter's resources; later exports fail.
    func shutdown() async

    /// Tells the exporter that its processor has begun to shut down: the batches still queued follow, then
    /// ``shutdown()``.
    ///
    /// An exporter that retries should give each of those batches a single attempt from now on (and cut short a
    /// back-off wait in progress), so that shutdown ends promptly even when the destination is down. The default
    /// does nothing, so an exporter that wraps another must forward the call.
    ///
    /// [OpenTelemetry Specification: Shutdown](https://opentelemetry.io/docs/specs/otel/trace/sdk/#shutdown-1)
    /// ("Shutdown SHOULD complete or abort within some timeout")
    func prepareForShutdown()
}

extension OTelSpanExporter {
    /// Does nothing: an exporter that does not retry has nothing to cut short.
    public func prepareForShutdown() {}
}

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
}

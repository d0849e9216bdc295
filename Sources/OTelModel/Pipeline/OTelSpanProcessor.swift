/// A hook into span start and end; the link between tracers and exporters.
///
/// Processors receive only recording spans (sampled or not); the built-in exporting processors forward only
/// sampled ones. `onStart` and `onEnd` run synchronously on the thread that starts or ends the span: they must
/// never block.
///
/// [OpenTelemetry Specification: Span processor](https://opentelemetry.io/docs/specs/otel/trace/sdk/#span-processor)
public protocol OTelSpanProcessor: Sendable {
    /// Called when a recording span starts; the span may still be changed here.
    ///
    /// - Parameters:
    ///   - span: The started span.
    ///   - parentContext: Its parent's context, or `nil` for a root span.
    func onStart(_ span: OTelSpan, parentContext: OTelSpanContext?)

    /// Called once when a recording span ends.
    ///
    /// `consuming`, so that a processor that keeps the span (a queue) takes it without copying it; an implementation
    /// written with a plain parameter still conforms.
    func onEnd(_ span: consuming OTelFinishedSpan)

    /// Exports everything received so far, then flushes the exporter.
    func forceFlush() async throws

    /// ``forceFlush()``, but returns by throwing ``OTelForceFlushTimeoutError`` once `timeout` has passed, even if
    /// the flush has not finished (`nil`: no limit). The spans are still exported afterwards.
    ///
    /// The default implementation times ``forceFlush()`` on the continuous clock; processors with their own clock
    /// implement it.
    ///
    /// [OpenTelemetry Specification: ForceFlush](https://opentelemetry.io/docs/specs/otel/trace/sdk/#forceflush-1)
    /// ("prioritize honoring the timeout over finishing all calls")
    func forceFlush(timeout: Duration?) async throws

    /// Flushes, then shuts down the exporter; later calls are ignored.
    func shutdown() async
}

extension OTelSpanProcessor {
    /// Does nothing: most processors only care about ended spans.
    public func onStart(_ span: OTelSpan, parentContext: OTelSpanContext?) {}

    /// Times ``forceFlush()`` on the continuous clock; throws ``OTelForceFlushTimeoutError`` when it runs longer
    /// than `timeout` (without waiting for it to finish).
    public func forceFlush(timeout: Duration?) async throws {
        guard let timeout else { return try await forceFlush() }
        try await withForceFlushTimeout(timeout, clock: ContinuousClock()) { try await self.forceFlush() }
    }
}

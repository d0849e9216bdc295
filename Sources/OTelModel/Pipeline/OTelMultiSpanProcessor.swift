/// Forwards every call to several processors, in order.
///
/// [OpenTelemetry Specification: Span processor](https://opentelemetry.io/docs/specs/otel/trace/sdk/#span-processor)
public struct OTelMultiSpanProcessor: OTelSpanProcessor {
    /// The processors, in call order.
    public let processors: [any OTelSpanProcessor]

    /// Creates a processor forwarding to `processors`.
    public init(_ processors: [any OTelSpanProcessor]) {
        self.processors = processors
    }

    /// Calls each processor's `onStart`, in order.
    public func onStart(_ span: OTelSpan, parentContext: OTelSpanContext?) {
        for processor in processors { processor.onStart(span, parentContext: parentContext) }
    }

    /// Calls each processor's `onEnd`, in order.
    public func onEnd(_ span: OTelFinishedSpan) {
        for processor in processors { processor.onEnd(span) }
    }

    /// Flushes all processors concurrently; rethrows the first failure after all have finished.
    public func forceFlush() async throws {
        try await forceFlush(timeout: nil)
    }

    /// Flushes all processors concurrently, each for at most `timeout` (`nil`: no limit); rethrows the first
    /// failure (such as ``OTelForceFlushTimeoutError``) after all have returned.
    ///
    /// [OpenTelemetry Specification: ForceFlush](https://opentelemetry.io/docs/specs/otel/trace/sdk/#forceflush-1)
    public func forceFlush(timeout: Duration?) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for processor in processors {
                group.addTask { try await processor.forceFlush(timeout: timeout) }
            }
            var firstError: (any Error)?
            while let result = await group.nextResult() {
                if case .failure(let error) = result, firstError == nil { firstError = error }
            }
            if let firstError { throw firstError }
        }
    }

    /// Shuts all processors down concurrently.
    public func shutdown() async {
        await withTaskGroup(of: Void.self) { group in
            for processor in processors {
                group.addTask { await processor.shutdown() }
            }
        }
    }
}

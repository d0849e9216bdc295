/// A `forceFlush(timeout:)` that did not finish within its timeout.
///
/// The spans it waited for are not lost: they are still exported (the flush keeps running in the background),
/// unless the exporter fails.
///
/// [OpenTelemetry Specification: ForceFlush](https://opentelemetry.io/docs/specs/otel/trace/sdk/#forceflush-1)
public struct OTelForceFlushTimeoutError: Error, Hashable, CustomStringConvertible {
    /// The timeout that passed.
    public let timeout: Duration

    /// Creates the error.
    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// A human-readable explanation.
    public var description: String { "forceFlush did not finish within \(timeout)" }
}

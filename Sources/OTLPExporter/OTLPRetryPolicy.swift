/// How ``OTLPHTTPSpanExporter`` retries transient failures: HTTP 429, 502, 503, 504, and connections that fail or
/// drop without a response.
///
/// The wait before retry *n* (1-based) is `initialBackoff × multiplier^(n-1)`, capped at ``maximumBackoff``, then
/// scaled by a random factor in 0.5…1 (jitter, so that many clients do not retry in step). A `Retry-After` header
/// replaces the computed wait. Retries stop after ``maximumAttempts`` attempts, or when the next attempt could not
/// start before the export timeout; the batch is then dropped.
///
/// [OTLP Specification: Retryable response codes, Throttling](https://opentelemetry.io/docs/specs/otlp/#retryable-response-codes)
public struct OTLPRetryPolicy: Sendable, Hashable {
    /// The most attempts per request, the first included; 1 disables retries. Default 5.
    public var maximumAttempts: Int
    /// The wait before the first retry (before jitter). Default 1 s.
    public var initialBackoff: Duration
    /// The longest computed wait (before jitter). Default 5 s.
    public var maximumBackoff: Duration
    /// The growth of the wait from one retry to the next. Default 1.5.
    public var multiplier: Double

    /// Creates a policy; the defaults match the OpenTelemetry Java exporter's.
    public init(
        maximumAttempts: Int = 5,
        initialBackoff: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(5),
        multiplier: Double = 1.5
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialBackoff = max(.zero, initialBackoff)
        self.maximumBackoff = max(.zero, maximumBackoff)
        self.multiplier = multiplier.isFinite ? max(1, multiplier) : 1
    }

    /// The wait before retry number `retry` (1 for the first retry), with `jitter` in 0.5…1.
    package func backoff(beforeRetry retry: Int, jitter: Double) -> Duration {
        let initial = Double(initialBackoff.components.seconds) + Double(initialBackoff.components.attoseconds) * 1e-18
        let cap = Double(maximumBackoff.components.seconds) + Double(maximumBackoff.components.attoseconds) * 1e-18
        var seconds = initial
        for _ in 1..<max(1, retry) {
            seconds *= multiplier
            if seconds >= cap { break }
        }
        seconds = min(seconds, cap) * min(1, max(0.5, jitter))
        return .nanoseconds(Int64(seconds * 1e9))
    }
}

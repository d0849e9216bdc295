/// What an ``OTLPHTTPSpanExporter`` has done so far, for diagnostics and tests.
public struct OTLPExportStatistics: Sendable, Hashable {
    /// Spans the collector accepted (partial-success rejections excluded).
    public var exportedSpans: Int
    /// Spans given up on: failed requests, oversized spans, partial-success rejections, exports after shutdown.
    public var droppedSpans: Int
    /// Spans the collector rejected in a partial-success response (also counted in ``droppedSpans``).
    public var rejectedSpans: Int
    /// Single spans refused before sending because they alone exceed the request size limit (also dropped).
    public var oversizedSpans: Int
    /// HTTP requests sent, retries included.
    public var requests: Int
    /// Retries after a retryable status or a connection failure.
    public var retries: Int
    /// Requests that failed for good (their spans are dropped).
    public var failedRequests: Int
}

/// The outcome of ``OTelTracer/beginSpan(_:kind:parent:attributes:links:startTime:)``: the new span's context
/// always, the span object only when it records.
package struct OTelStartedSpan: Sendable {
    /// The context of the new span (valid even when the sampler dropped it, so that it still propagates).
    package let context: OTelSpanContext
    /// The recording span; `nil` when the sampler dropped it or the provider is shut down.
    package let recordingSpan: OTelSpan?
}

public import OTelModel
import Synchronization

/// An exporter that drops every batch and counts the spans it was handed: the cheapest possible end of the
/// pipeline, so that a benchmark measures the producer and the batch processor, not a transport.
public final class DiscardingSpanExporter: OTelSpanExporter {
    private let exported = Atomic<Int>(0)

    /// Creates the exporter.
    public init() {}

    /// Counts the batch and forgets it.
    public func export(_ batch: [OTelFinishedSpan]) async throws {
        exported.add(batch.count, ordering: .relaxed)
    }

    /// Nothing is buffered.
    public func forceFlush() async throws {}

    /// Nothing to release.
    public func shutdown() async {}

    /// How many spans reached ``export(_:)``.
    public var exportedSpanCount: Int { exported.load(ordering: .relaxed) }
}

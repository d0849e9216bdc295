public import OTelModel
import Synchronization

/// Wraps an exporter and counts what passes through it, so that a benchmark can check that every span is accounted
/// for: handed = succeeded + failed.
public final class CountingSpanExporter: OTelSpanExporter {
    private let wrapped: any OTelSpanExporter
    private let handed = Atomic<Int>(0)
    private let succeeded = Atomic<Int>(0)
    private let failed = Atomic<Int>(0)
    private let failedExports = Atomic<Int>(0)

    /// Wraps `exporter`.
    public init(wrapping exporter: any OTelSpanExporter) {
        wrapped = exporter
    }

    public func export(_ batch: [OTelFinishedSpan]) async throws {
        handed.add(batch.count, ordering: .relaxed)
        do {
            try await wrapped.export(batch)
            succeeded.add(batch.count, ordering: .relaxed)
        } catch {
            failed.add(batch.count, ordering: .relaxed)
            failedExports.add(1, ordering: .relaxed)
            throw error
        }
    }

    public func forceFlush() async throws { try await wrapped.forceFlush() }

    public func shutdown() async { await wrapped.shutdown() }

    public func prepareForShutdown() { wrapped.prepareForShutdown() }

    /// Spans handed to ``export(_:)``.
    public var handedSpanCount: Int { handed.load(ordering: .relaxed) }
    /// Spans whose export returned normally.
    public var succeededSpanCount: Int { succeeded.load(ordering: .relaxed) }
    /// Spans whose export threw (or was cancelled by the processor's timeout).
    public var failedSpanCount: Int { failed.load(ordering: .relaxed) }
    /// Exports that threw.
    public var failedExportCount: Int { failedExports.load(ordering: .relaxed) }
}

/// Keeps exported spans in memory, so tests can assert on what a pipeline exported.
///
/// ```swift
/// let exporter = OTelInMemorySpanExporter()
/// let provider = OTelTracerProvider(processors: [OTelSimpleSpanProcessor(exporter: exporter)])
/// provider.tracer(name: "test").startSpan("work", parent: nil).end()
/// try await provider.forceFlush()
/// #expect(exporter.spans(named: "work").count == 1)
/// ```
public final class OTelInMemorySpanExporter: OTelSpanExporter {
    private struct State {
        var spans: [OTelFinishedSpan] = []
        var batchSizes: [Int] = []
        var forceFlushCount = 0
        var shutdownCount = 0
    }

    private let state = LockedValue(State())

    /// Creates an empty exporter.
    public init() {}

    /// Stores the batch; throws ``OTelSpanExporterShutDownError`` after ``shutdown()``.
    public func export(_ batch: [OTelFinishedSpan]) async throws {
        try state.withLock { state in
            guard state.shutdownCount == 0 else { throw OTelSpanExporterShutDownError() }
            state.spans.append(contentsOf: batch)
            state.batchSizes.append(batch.count)
        }
    }

    /// Counts the call (nothing is buffered).
    public func forceFlush() async throws {
        state.withLock { $0.forceFlushCount += 1 }
    }

    /// Counts the call; later exports throw.
    public func shutdown() async {
        state.withLock { $0.shutdownCount += 1 }
    }

    /// Every span exported so far, in export order.
    public var finishedSpans: [OTelFinishedSpan] { state.withLock { $0.spans } }

    /// The exported spans with this name, in export order.
    public func spans(named name: String) -> [OTelFinishedSpan] {
        state.withLock { $0.spans.filter { $0.name == name } }
    }

    /// The size of each exported batch, in export order.
    public var exportedBatchSizes: [Int] { state.withLock { $0.batchSizes } }

    /// How many times ``forceFlush()`` was called.
    public var forceFlushCount: Int { state.withLock { $0.forceFlushCount } }

    /// How many times ``shutdown()`` was called.
    public var shutdownCount: Int { state.withLock { $0.shutdownCount } }

    /// Forgets the exported spans and batch sizes (the flush and shutdown counts stay).
    public func reset() {
        state.withLock { state in
            state.spans.removeAll()
            state.batchSizes.removeAll()
        }
    }
}

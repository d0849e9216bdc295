import PlainThreads
import Synchronization

@testable import OTelModel

/// Whether the calling task has a registered attachment stack.
func currentTaskHasStack() -> Bool {
    guard let hash = withUnsafeCurrentTask(body: { $0?.hashValue }) else { return false }
    return ContextRegistry.shared.shard(for: hash).withLock { $0[hash] != nil }
}

/// A span for context tests (the context layer never looks inside it).
func contextSpan(_ id: UInt64) -> OTelSpan {
    OTelSpan(
        nonRecording: OTelSpanContext(
            traceID: TraceID(high: 0, low: 1), spanID: SpanID(value: id), traceFlags: .sampled))
}

/// A counter that closures on any thread or task can share.
final class AtomicCounter: Sendable {
    private let storage = Atomic<Int>(0)
    func increment() { storage.add(1, ordering: .relaxed) }
    var value: Int { storage.load(ordering: .relaxed) }
}

import Synchronization

/// A deterministic id generator for tests: ids count up from 1.
///
/// The n-th trace id is `n` as a 128-bit big-endian integer (`000…0001`, `000…0002`, …) and the n-th span id
/// is `n` as a 64-bit big-endian integer; trace and span ids count separately. Safe to share between threads.
public final class OTelIncrementingIDGenerator: OTelIDGenerator {
    private let traceCounter: Atomic<UInt64>
    private let spanCounter: Atomic<UInt64>

    /// Creates a generator whose first ids are `firstTraceID` and `firstSpanID` (both must be non-zero).
    public init(firstTraceID: UInt64 = 1, firstSpanID: UInt64 = 1) {
        precondition(firstTraceID != 0 && firstSpanID != 0, "ids start at 1 or more; zero ids are invalid")
        traceCounter = Atomic(firstTraceID)
        spanCounter = Atomic(firstSpanID)
    }

    public func nextTraceID() -> TraceID {
        TraceID(high: 0, low: traceCounter.add(1, ordering: .relaxed).oldValue)
    }

    public func nextSpanID() -> SpanID {
        SpanID(value: spanCounter.add(1, ordering: .relaxed).oldValue)
    }
}

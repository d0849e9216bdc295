/// A span that records: its state lives in the span object itself, behind a ``SpanLock``, so a recording span is a
/// single allocation.
///
/// Only ``OTelTracer`` creates it, always with a tracer; ``OTelSpan/recording`` relies on that.
final class RecordingSpan: OTelSpan, @unchecked Sendable {
    private let lock = SpanLock()
    /// Guarded by `lock` until the span ends; never changed afterwards.
    ///
    /// `unchecked`: the lock already makes every access exclusive, so the runtime's dynamic exclusivity tracking
    /// (a `swift_beginAccess`/`swift_endAccess` pair per access, ~15 % of a mutation) would only repeat it.
    @exclusivity(unchecked) private var record: SpanRecord

    init(context: OTelSpanContext, tracer: OTelTracer, record: SpanRecord) {
        self.record = record
        super.init(context: context, tracer: tracer)
    }

    /// What the span's tracer and its provider share.
    @inline(__always)
    var core: TracerProviderCore { tracer.unsafelyUnwrapped.core }

    /// `false` once the span has ended.
    var isRecordingNow: Bool { !lock.isEnded }

    /// Applies `change` while the span records; afterwards counts the attempt instead.
    @inline(__always)
    func mutate(_ change: (inout SpanRecord) -> Void) {
        guard lock.lockUnlessEnded() else {
            core.ignoredMutations.record()
            return
        }
        change(&record)
        lock.unlock()
    }

    /// Appends `event` (moved in, not copied) while fewer than `limit` are recorded, otherwise counts it dropped;
    /// after the end, counts an ignored mutation.
    @inline(__always)
    func append(_ event: consuming OTelSpanEvent, limit: Int) {
        guard lock.lockUnlessEnded() else {
            core.ignoredMutations.record()
            return
        }
        if record.events.count < limit {
            record.events.append(event)
        } else {
            record.droppedEventCount += 1
        }
        lock.unlock()
    }

    /// Reads the record: under the lock while the span records, directly once it has ended (it no longer changes).
    @inline(__always)
    func read<Value>(_ body: (borrowing SpanRecord) -> Value) -> Value {
        guard lock.lockUnlessEnded() else { return body(record) }
        defer { lock.unlock() }
        return body(record)
    }

    /// Ends the span at `endTime` and hands its snapshot to the processor, after unlocking; if the span had ended,
    /// counts an ignored mutation instead.
    func finish(at endTime: UInt64) {
        let core = self.core
        guard lock.lockUnlessEnded() else {
            core.ignoredMutations.record()
            return
        }
        record.endTime = endTime
        // Built straight from the record, taking its events and links: no intermediate copy of the whole record.
        let finished = OTelFinishedSpan(
            context: context,
            origin: tracer.unsafelyUnwrapped.origin,
            ending: &record,
            endTime: endTime
        )
        lock.unlockEnding()
        // Passed on directly, not returned: the snapshot is large, and every move of it is a copy of its bytes.
        core.spanEnded(finished)
    }
}

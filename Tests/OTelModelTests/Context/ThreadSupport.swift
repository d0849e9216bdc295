import Synchronization

@testable import OTelModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body(index)` on `count` new plain threads (no task, no Dispatch) at once and waits for all of them.
func runOnNewThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Work: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    #if canImport(Darwin)
    var threads: [pthread_t?] = []
    #else
    var threads: [pthread_t] = []
    #endif
    for index in 0..<count {
        let work = Unmanaged.passRetained(Work { body(index) }).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(
            &thread,
            nil,
            { raw in
                #if canImport(Darwin)
                let work = Unmanaged<Work>.fromOpaque(raw).takeRetainedValue()
                #else
                guard let raw else { return nil }
                let work = Unmanaged<Work>.fromOpaque(raw).takeRetainedValue()
                #endif
                work.body()
                return nil
            },
            work
        )
        precondition(status == 0, "pthread_create failed: \(status)")
        threads.append(thread)
    }
    for thread in threads {
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
    }
}

/// Runs `body` on one new plain thread and returns its result.
func onNewThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) -> Result {
    let box = LockedValue<Result?>(nil)
    runOnNewThreads(1) { _ in
        let value = body()
        box.withLock { $0 = value }
    }
    guard let result = box.withLock({ $0 }) else { preconditionFailure("the thread produced no result") }
    return result
}

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

// Test support shared by the test targets that need code to run on plain threads, outside any Swift task and
// outside Dispatch (whose workers are the ones Swift concurrency schedules on).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body(index)` on `count` new plain threads (no task, no Dispatch) at once and waits for all of them.
package func runOnNewThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
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
package func onNewThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) -> Result {
    let box = ThreadResultBox<Result>()
    runOnNewThreads(1) { _ in box.value = body() }
    guard let result = box.value else { preconditionFailure("the thread produced no result") }
    return result
}

/// Written by one thread, read after `pthread_join`, which orders the two: no lock needed.
private final class ThreadResultBox<Value>: @unchecked Sendable {
    var value: Value?
}

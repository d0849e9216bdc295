import Dispatch

/// A fixed set of worker threads for the threads variants of the testbed (the originals' executors).
///
/// Each worker is its own serial queue, so blocking one (on a barrier or latch, as the originals do) never starves
/// another: serial queues are served by overcommitting threads, unlike work submitted to a global queue.
final class WorkerPool: Sendable {
    private let queues: [DispatchQueue]
    private let next = LockedValue(0)
    private let pending = DispatchGroup()

    init(_ label: String, threads: Int) {
        queues = (0..<max(threads, 1)).map { DispatchQueue(label: "testbed.\(label).\($0)") }
    }

    /// Runs `work` on the next worker, round robin.
    func submit(_ work: @escaping @Sendable () -> Void) {
        let index = next.withLock { value in
            defer { value = (value + 1) % queues.count }
            return value
        }
        queues[index].async(group: pending, execute: work)
    }

    /// Runs `work` on the next worker and returns a future of its result.
    func submit<Value: Sendable>(_ work: @escaping @Sendable () -> Value) -> ThreadFuture<Value> {
        let future = ThreadFuture<Value>()
        submit { future.fulfil(work()) }
        return future
    }

    /// Blocks until all submitted work has run; `false` on timeout.
    func waitUntilIdle(timeoutSeconds: Int = TestbedTimeout.seconds) -> Bool {
        pending.wait(timeout: .now() + .seconds(timeoutSeconds)) == .success
    }
}

/// How long a blocking wait of the testbed may take before the scenario reports a hang instead of hanging.
enum TestbedTimeout {
    static let seconds = 20
}

/// Runs `body` on a thread of its own and returns its result; the threads variants run their "main thread" here so
/// that blocking waits never occupy the cooperative pool.
func onDedicatedThread<Value: Sendable>(
    _ label: String,
    _ body: @escaping @Sendable () throws -> Value
) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue(label: "testbed.\(label).main").async {
            continuation.resume(with: Result { try body() })
        }
    }
}

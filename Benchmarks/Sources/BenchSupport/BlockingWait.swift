import Dispatch

/// Runs `operation` in a task and blocks the calling thread until it finishes.
///
/// The drivers keep a synchronous `main`: an async top-level `main` parks the main thread in libdispatch's
/// `sigsuspend`, which valgrind 3.19 cannot follow (it crashes), and callgrind is how this suite counts instructions.
public func blockingWait(_ operation: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await operation()
        done.signal()
    }
    done.wait()
}

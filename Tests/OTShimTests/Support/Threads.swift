import Foundation

/// Runs `body` on a new thread, outside any Swift task, and returns its result without blocking the caller.
func onNewThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.start()
    }
}

/// Suspends until a Dispatch thread resumes the task, so that it usually continues on another thread.
func hopThreads() async {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume() }
    }
}

/// Whether the caller runs inside a Swift task.
var isInTask: Bool { withUnsafeCurrentTask { $0 != nil } }

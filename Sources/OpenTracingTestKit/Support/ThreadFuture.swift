import Dispatch

/// A value produced on one thread and awaited by blocking on another (the originals' `Future.get()`).
final class ThreadFuture<Value: Sendable>: Sendable {
    private let value = LockedValue<Value?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    func fulfil(_ result: Value) {
        value.withLock { $0 = result }
        ready.signal()
    }

    /// Blocks until the value is there; `nil` on timeout.
    func get(timeoutSeconds: Int = TestbedTimeout.seconds) -> Value? {
        guard ready.wait(timeout: .now() + .seconds(timeoutSeconds)) == .success else { return nil }
        ready.signal()  // later calls return at once
        return value.current
    }
}

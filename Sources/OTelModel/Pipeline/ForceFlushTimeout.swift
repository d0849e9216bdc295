/// Runs `operation`, but for at most `timeout` on `clock`: then throws ``OTelForceFlushTimeoutError`` at once and
/// cancels the operation without waiting for it (the timeout takes priority over finishing).
func withForceFlushTimeout(
    _ timeout: Duration,
    clock: any Clock<Duration>,
    _ operation: @escaping @Sendable () async throws -> Void
) async throws {
    let outcome = OneShotResult()
    let work = Task {
        do {
            try await operation()
            outcome.finish(.success(()))
        } catch {
            outcome.finish(.failure(error))
        }
    }
    let timer = Task {
        do {
            try await sleep(on: clock, for: timeout)
            outcome.finish(.failure(OTelForceFlushTimeoutError(timeout: timeout)))
        } catch {
            // Cancelled: the operation finished first.
        }
    }
    defer {
        timer.cancel()
        work.cancel()
    }
    try await outcome.wait()
}

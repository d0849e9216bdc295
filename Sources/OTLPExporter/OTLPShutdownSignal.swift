import OTelModel

/// A one-way flag that async waiters can wait for: the exporter raises it when its processor begins to shut down,
/// which ends any back-off wait in progress at once.
final class OTLPShutdownSignal: Sendable {
    private struct State {
        var isRaised = false
        var nextWaiterID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = LockedValue(State())

    /// Whether ``raise()`` was called.
    var isRaised: Bool { state.withLock { $0.isRaised } }

    /// Raises the flag and wakes every waiter; later calls do nothing.
    func raise() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.isRaised else { return [] }
            state.isRaised = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the flag is raised, or when the calling task is cancelled.
    func wait() async {
        let waiterID = state.withLock { state -> UInt64 in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.isRaised || Task.isCancelled { return true }
                    state.waiters[waiterID] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: waiterID) }?.resume()
        }
    }

    /// Waits `duration` with `sleep`, but no longer than until the flag is raised; throws only if the calling task
    /// is cancelled.
    func sleep(
        _ duration: Duration,
        using sleep: @escaping @Sendable (Duration) async throws -> Void
    ) async throws {
        guard !isRaised else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await sleep(duration) }
            group.addTask { await self.wait() }
            await group.next()
            group.cancelAll()
        }
        try Task.checkCancellation()
    }
}

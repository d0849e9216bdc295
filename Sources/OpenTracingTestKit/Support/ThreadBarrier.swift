import Dispatch

/// A reusable barrier for a fixed number of threads (the originals' `Phaser` with registered parties): each
/// `arriveAndWait` returns once every party has arrived in the current phase.
final class ThreadBarrier: Sendable {
    private struct Phase {
        var arrived = 0
        var release = DispatchSemaphore(value: 0)
    }

    private let parties: Int
    private let phase = LockedValue(Phase())

    init(parties: Int) {
        self.parties = parties
    }

    /// Waits for the other parties; `false` if they did not all arrive in time.
    @discardableResult
    func arriveAndWait(timeoutSeconds: Int = TestbedTimeout.seconds) -> Bool {
        let (release, isLast) = phase.withLock { phase -> (DispatchSemaphore, Bool) in
            phase.arrived += 1
            let release = phase.release
            guard phase.arrived == parties else { return (release, false) }
            phase = Phase()
            return (release, true)
        }
        if isLast {
            for _ in 1..<parties { release.signal() }
            return true
        }
        return release.wait(timeout: .now() + .seconds(timeoutSeconds)) == .success
    }
}

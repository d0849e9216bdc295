import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock of a recording span and its "ended" mark, in one atomic byte stored in the span object.
///
/// A span's critical sections are a few dozen instructions and almost never contended (one thread usually owns a
/// span), so a compare-and-swap is all the common case costs; a `pthread_mutex_t` would cost more per call and,
/// since a mutex must not move, its own heap allocation. Under contention a waiter spins briefly, then yields the
/// processor (`sched_yield`) between attempts. The lock is not fair: a waiter can lose to later arrivals, and a
/// preempted holder keeps the others yielding until it runs again; with sections this short both are rare and brief.
///
/// Ending is final: once the byte says `ended`, the span's record never changes again, so readers then need no lock
/// (they see the final record through the releasing store that marked it ended).
struct SpanLock: ~Copyable {
    private static let unlocked: UInt8 = 0
    private static let locked: UInt8 = 1
    private static let ended: UInt8 = 2
    /// Attempts spent spinning before a waiter starts yielding the processor.
    private static let spinsBeforeYielding = 64

    private let state = Atomic<UInt8>(0)

    init() {}

    /// Takes the lock and returns `true`, or returns `false` at once when the span has ended.
    @inline(__always)
    func lockUnlessEnded() -> Bool {
        let (exchanged, original) = state.compareExchange(
            expected: Self.unlocked, desired: Self.locked, ordering: .acquiring)
        if exchanged { return true }
        if original == Self.ended { return false }
        return lockContended()
    }

    @inline(never)
    private func lockContended() -> Bool {
        var attempts = 0
        while true {
            switch state.load(ordering: .acquiring) {
            case Self.ended:
                return false
            case Self.unlocked:
                if state.compareExchange(expected: Self.unlocked, desired: Self.locked, ordering: .acquiring).exchanged {
                    return true
                }
            default:
                break
            }
            attempts += 1
            if attempts > Self.spinsBeforeYielding { sched_yield() }
        }
    }

    /// Releases the lock.
    @inline(__always)
    func unlock() {
        state.store(Self.unlocked, ordering: .releasing)
    }

    /// Releases the lock for good, marking the span ended.
    @inline(__always)
    func unlockEnding() {
        state.store(Self.ended, ordering: .releasing)
    }

    /// Whether the span has ended (acquiring: a `true` answer makes the final record visible).
    @inline(__always)
    var isEnded: Bool {
        state.load(ordering: .acquiring) == Self.ended
    }
}

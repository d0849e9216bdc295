#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The source of span and event timestamps.
///
/// Inject one into ``OTelTracerProvider`` to make timestamps deterministic in tests.
public protocol OTelClock: Sendable {
    /// The current time in nanoseconds since the Unix epoch.
    func nanosecondsSinceEpoch() -> UInt64
}

/// The system's wall clock (`CLOCK_REALTIME`).
public struct OTelSystemClock: OTelClock {
    /// Creates the clock.
    public init() {}

    /// The wall-clock time in nanoseconds since the Unix epoch.
    @inline(__always)
    public func nanosecondsSinceEpoch() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}

/// Monotonic nanoseconds, for rate limits (never for timestamps).
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
}

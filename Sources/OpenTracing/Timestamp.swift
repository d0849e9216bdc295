#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in wall-clock time with nanosecond resolution, counted from the Unix epoch.
///
/// OpenTracing APIs use microseconds (Java), float seconds (Python) or `Date` (Objective-C); OTLP uses
/// nanoseconds. A dedicated integer type keeps explicit timestamps exact: `Timestamp(microsecondsSinceEpoch: µs)`
/// is always `µs × 1000` nanoseconds, which `Date`'s `Double` cannot promise.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanosecondsSinceEpoch: UInt64

    /// Creates a timestamp from nanoseconds since the Unix epoch.
    public init(nanosecondsSinceEpoch: UInt64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// Creates a timestamp from microseconds since the Unix epoch, exactly.
    public init(microsecondsSinceEpoch: UInt64) {
        self.nanosecondsSinceEpoch = microsecondsSinceEpoch.multipliedReportingOverflow(by: 1_000).overflow
            ? .max : microsecondsSinceEpoch * 1_000
    }

    /// Creates a timestamp from milliseconds since the Unix epoch, exactly.
    public init(millisecondsSinceEpoch: UInt64) {
        self.nanosecondsSinceEpoch = millisecondsSinceEpoch.multipliedReportingOverflow(by: 1_000_000).overflow
            ? .max : millisecondsSinceEpoch * 1_000_000
    }

    /// Creates a timestamp from (possibly fractional) seconds since the Unix epoch, rounded to the nearest
    /// microsecond: a `Double` cannot hold today's times to the nanosecond, and rounding to microseconds gives back
    /// exactly the microseconds a caller started from. Negative or non-finite values clamp to the epoch.
    public init(secondsSinceEpoch: Double) {
        guard secondsSinceEpoch.isFinite, secondsSinceEpoch > 0 else {
            self.nanosecondsSinceEpoch = 0
            return
        }
        let microseconds = (secondsSinceEpoch * 1_000_000).rounded()
        guard microseconds < Double(UInt64.max / 1_000) else {
            self.nanosecondsSinceEpoch = .max
            return
        }
        self.nanosecondsSinceEpoch = UInt64(microseconds) * 1_000
    }

    /// The current wall-clock time.
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(nanosecondsSinceEpoch: UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec))
    }

    /// Seconds since the Unix epoch, as a `Double` (for display; not exact).
    public var secondsSinceEpoch: Double {
        Double(nanosecondsSinceEpoch) / 1_000_000_000
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }
}

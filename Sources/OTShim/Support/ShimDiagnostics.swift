import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts misuse of the shim and logs it, rate-limited: the first occurrence of each kind at once, then at most one
/// line per kind and interval, carrying how many happened since the previous line.
///
/// Misuse never throws and never traps: OpenTracing call sites were written against tracers that ignore it.
final class ShimDiagnostics: Sendable {
    enum Kind: Int, CaseIterable, Sendable {
        /// A span was changed (tag, log, name, baggage, finish) after it finished; the call was ignored.
        case useAfterFinish
        /// A span context that the shim did not create was passed in (reference or inject).
        case foreignSpanContext
        /// A span that the shim did not create was activated.
        case foreignSpan
        /// A scope was closed twice, out of order, elsewhere, or an ambient scope was closed.
        case scopeMisuse
        /// A baggage entry too long for the binary format was left out of a binary carrier.
        case binaryEntryTooLong

        var message: String {
            switch self {
            case .useAfterFinish: "OpenTracing shim: a span was used after it finished; the call was ignored"
            case .foreignSpanContext:
                "OpenTracing shim: a span context from another tracer was used; only its hex ids and baggage are kept"
            case .foreignSpan: "OpenTracing shim: a span from another tracer was activated; it is active as no span"
            case .scopeMisuse: "OpenTracing shim: a scope was misused"
            case .binaryEntryTooLong:
                "OpenTracing shim: a baggage entry longer than 65535 bytes was left out of a binary carrier"
            }
        }
    }

    private struct State {
        var counts = [Int](repeating: 0, count: Kind.allCases.count)
        var loggedCounts = [Int](repeating: 0, count: Kind.allCases.count)
        var nextLogTimes = [UInt64](repeating: 0, count: Kind.allCases.count)
    }

    private let state = LockedValue(State())
    private let logger: Logger
    private let intervalNanoseconds: UInt64

    init(logger: Logger, intervalNanoseconds: UInt64 = 10_000_000_000) {
        self.logger = logger
        self.intervalNanoseconds = intervalNanoseconds
    }

    /// Counts one occurrence of `kind` and logs if its interval has passed.
    func report(_ kind: Kind, detail: @autoclosure () -> String = "") {
        let now = Self.monotonicNanoseconds()
        let due: (count: Int, total: Int)? = state.withLock { state in
            let index = kind.rawValue
            state.counts[index] += 1
            guard now >= state.nextLogTimes[index] else { return nil }
            state.nextLogTimes[index] = now &+ intervalNanoseconds
            let count = state.counts[index] - state.loggedCounts[index]
            state.loggedCounts[index] = state.counts[index]
            return (count, state.counts[index])
        }
        guard let due else { return }
        var metadata: Logger.Metadata = ["count": "\(due.count)", "total": "\(due.total)"]
        let detail = detail()
        if !detail.isEmpty { metadata["detail"] = "\(detail)" }
        logger.warning("\(kind.message)", metadata: metadata)
    }

    /// How many times `kind` happened.
    func count(_ kind: Kind) -> Int {
        state.withLock { $0.counts[kind.rawValue] }
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}

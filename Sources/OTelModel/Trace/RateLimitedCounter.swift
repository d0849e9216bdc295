import Logging
import Synchronization

/// Counts an event that may happen very often (dropped spans, misuse) and logs it at most once per interval.
///
/// The first occurrence is logged at once; later ones are summed and reported with the next log line, so a flood
/// produces one line per interval, never one per span.
final class RateLimitedCounter: Sendable {
    private let total = Atomic<Int>(0)
    private let loggedTotal = Atomic<Int>(0)
    private let nextLogTime = Atomic<UInt64>(0)
    private let interval: UInt64
    private let logger: Logger
    private let message: Logger.Message
    private let level: Logger.Level

    init(
        logger: Logger,
        level: Logger.Level = .warning,
        message: Logger.Message,
        intervalNanoseconds: UInt64 = 10_000_000_000
    ) {
        self.logger = logger
        self.level = level
        self.message = message
        interval = intervalNanoseconds
    }

    /// How many events were recorded.
    var count: Int { total.load(ordering: .relaxed) }

    /// Records `count` events and logs if the interval since the last log line has passed.
    func record(_ count: Int = 1, metadata: @autoclosure () -> Logger.Metadata = [:]) {
        let newTotal = total.add(count, ordering: .relaxed).newValue
        let now = monotonicNanoseconds()
        let next = nextLogTime.load(ordering: .relaxed)
        guard now >= next,
            nextLogTime.compareExchange(expected: next, desired: now &+ interval, ordering: .relaxed).exchanged
        else { return }
        let previous = loggedTotal.exchange(newTotal, ordering: .relaxed)
        var fields = metadata()
        fields["count"] = "\(newTotal - previous)"
        fields["total"] = "\(newTotal)"
        logger.log(level: level, message, metadata: fields)
    }
}

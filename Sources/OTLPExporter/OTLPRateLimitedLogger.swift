import Logging
import OTelModel
import Synchronization

/// Logs one kind of recurring event at most once per interval, with how many occurred since the last line.
final class OTLPRateLimitedLogger: Sendable {
    private let logger: Logger
    private let level: Logger.Level
    private let intervalNanoseconds: UInt64
    private let nextLogTime = Atomic<UInt64>(0)
    private let suppressed = Atomic<Int>(0)

    init(logger: Logger, level: Logger.Level, intervalNanoseconds: UInt64 = 10_000_000_000) {
        self.logger = logger
        self.level = level
        self.intervalNanoseconds = intervalNanoseconds
    }

    func log(_ message: @autoclosure () -> Logger.Message, metadata: @autoclosure () -> Logger.Metadata = [:]) {
        let now = OTelSystemClock().nanosecondsSinceEpoch()
        let next = nextLogTime.load(ordering: .relaxed)
        guard now >= next,
            nextLogTime.compareExchange(expected: next, desired: now &+ intervalNanoseconds, ordering: .relaxed)
                .exchanged
        else {
            suppressed.add(1, ordering: .relaxed)
            return
        }
        var fields = metadata()
        let skipped = suppressed.exchange(0, ordering: .relaxed)
        if skipped > 0 { fields["similar_since_last_log"] = "\(skipped)" }
        logger.log(level: level, message(), metadata: fields)
    }
}

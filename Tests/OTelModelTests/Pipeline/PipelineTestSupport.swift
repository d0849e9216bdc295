import Synchronization

@testable import OTelModel

/// A `Clock` whose time moves only when the test calls ``advance(by:)``; sleepers wake when their deadline passes.
final class ManualClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
        var sleeperWatchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = LockedValue(State())

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .zero }

    /// The deadlines of the current sleepers, earliest first.
    var sleeperDeadlines: [Duration] { state.withLock { $0.sleepers.values.map(\.deadline.offset).sorted() } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (immediate, watchers) = state.withLock {
                    state -> (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if Task.isCancelled { return (.failure(CancellationError()), []) }
                    if deadline <= state.now { return (.success(()), []) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return (nil, Self.takeSatisfiedWatchers(&state))
                }
                for watcher in watchers { watcher.resume() }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed.
    func advance(by duration: Duration) {
        let due = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let dueIDs = state.sleepers.filter { $0.value.deadline <= now }.map(\.key)
            return dueIDs.compactMap { state.sleepers.removeValue(forKey: $0)?.continuation }
        }
        for continuation in due { continuation.resume() }
    }

    /// Returns once at least `count` tasks sleep on this clock.
    func waitForSleepers(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.sleepers.count >= count { return true }
                state.sleeperWatchers.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private static func takeSatisfiedWatchers(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        let count = state.sleepers.count
        var satisfied: [CheckedContinuation<Void, Never>] = []
        state.sleeperWatchers.removeAll { watcher in
            guard watcher.count <= count else { return false }
            satisfied.append(watcher.continuation)
            return true
        }
        return satisfied
    }
}

/// An exporter whose exports wait until the test opens the gate; it reports each export as it starts and checks
/// that exports never overlap.
final class GatedExporter: OTelSpanExporter {
    private struct State {
        var exported: [[OTelFinishedSpan]] = []
        var gateOpen = false
        var blocked: [CheckedContinuation<Void, Never>] = []
        var flushCount = 0
        var shutdownCount = 0
        var events: [String] = []
    }

    private let state = LockedValue(State())
    private let inFlight = Atomic<Int>(0)
    private let maximumInFlight = Atomic<Int>(0)
    let started: AsyncStream<Int>
    private let startedContinuation: AsyncStream<Int>.Continuation
    /// Yields when the processor announces its shutdown (``prepareForShutdown()``).
    let preparedForShutdown: AsyncStream<Void>
    private let preparedContinuation: AsyncStream<Void>.Continuation

    init(open: Bool = false) {
        (started, startedContinuation) = AsyncStream.makeStream()
        (preparedForShutdown, preparedContinuation) = AsyncStream.makeStream()
        state.withLock { $0.gateOpen = open }
    }

    func export(_ batch: [OTelFinishedSpan]) async throws {
        let current = inFlight.add(1, ordering: .sequentiallyConsistent).newValue
        maximumInFlight.max(current, ordering: .sequentiallyConsistent)
        startedContinuation.yield(batch.count)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let open = state.withLock { state in
                if !state.gateOpen { state.blocked.append(continuation) }
                return state.gateOpen
            }
            if open { continuation.resume() }
        }
        state.withLock {
            $0.exported.append(batch)
            $0.events.append("export(\(batch.count))")
        }
        inFlight.subtract(1, ordering: .sequentiallyConsistent)
    }

    func forceFlush() async throws {
        state.withLock {
            $0.flushCount += 1
            $0.events.append("flush")
        }
    }

    func shutdown() async {
        state.withLock {
            $0.shutdownCount += 1
            $0.events.append("shutdown")
        }
    }

    func prepareForShutdown() {
        state.withLock { $0.events.append("prepareForShutdown") }
        preparedContinuation.yield()
    }

    /// Lets every waiting and future export finish.
    func open() {
        let blocked = state.withLock { state in
            state.gateOpen = true
            defer { state.blocked = [] }
            return state.blocked
        }
        for continuation in blocked { continuation.resume() }
    }

    var batches: [[OTelFinishedSpan]] { state.withLock { $0.exported } }
    var exportedNames: [String] { batches.flatMap { $0.map(\.name) } }
    var events: [String] { state.withLock { $0.events } }
    var flushCount: Int { state.withLock { $0.flushCount } }
    var shutdownCount: Int { state.withLock { $0.shutdownCount } }
    var maximumConcurrentExports: Int { maximumInFlight.load(ordering: .sequentiallyConsistent) }
}

/// A sampled finished span named `name`, for feeding processors directly.
func finishedSpan(_ name: String, sampled: Bool = true) -> OTelFinishedSpan {
    OTelFinishedSpan(
        context: .stub(sampled: sampled),
        name: name,
        startTime: 1,
        endTime: 2,
        instrumentationScope: OTelInstrumentationScope(name: "test")
    )
}

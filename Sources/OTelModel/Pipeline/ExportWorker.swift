import Logging

/// The engine of the exporting processors: a bounded queue that producers fill without blocking, and one worker
/// task that drains it into the exporter, so exports never overlap.
///
/// The worker sleeps until the queue holds a full batch, the schedule delay elapses, a flush or a shutdown is
/// requested. All state is behind one lock; continuations are resumed after unlocking.
final class ExportWorker: Sendable {
    struct Settings: Sendable {
        var maxQueueSize: Int
        var maxExportBatchSize: Int
        /// `nil` or zero: no timer; every queued span wakes the worker.
        var scheduleDelay: Duration?
        /// `nil` or zero: no limit.
        var exportTimeout: Duration?

        /// How many queued spans wake the worker.
        var triggerCount: Int {
            if let scheduleDelay, scheduleDelay > .zero { return maxExportBatchSize }
            return 1
        }
    }

    private struct FlushRequest {
        /// Satisfied once this many spans have left the queue and been exported.
        var target: UInt64
        var outcome: OneShotResult
    }

    private struct State {
        let queue: SpanRing
        var enqueuedCount: UInt64 = 0
        var dequeuedCount: UInt64 = 0
        /// The size of the batch being exported (0 when idle).
        var exportingCount = 0
        var workerWaiter: CheckedContinuation<Void, Never>?
        var timerFired = false
        var flushRequests: [FlushRequest] = []
        var shutdownRequested = false
        var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
        var isFinished = false
    }

    private enum Step {
        case export([OTelFinishedSpan])
        case flush([FlushRequest])
        case shutdown
        case idle
    }

    let settings: Settings
    /// How many queued spans wake the worker (``Settings/triggerCount``, computed once).
    private let triggerCount: Int
    let exporter: any OTelSpanExporter
    let clock: any Clock<Duration>
    let logger: Logger
    let drops: RateLimitedCounter
    let exportFailures: RateLimitedCounter
    private let state: InlineLockedValue<State>

    init(settings: Settings, exporter: any OTelSpanExporter, clock: any Clock<Duration>, logger: Logger) {
        self.settings = settings
        triggerCount = settings.triggerCount
        self.exporter = exporter
        self.clock = clock
        self.logger = logger
        state = .make(State(queue: SpanRing(limit: settings.maxQueueSize)))
        drops = RateLimitedCounter(
            logger: logger,
            message: "The span queue was full; new spans were dropped",
            intervalNanoseconds: 10_000_000_000
        )
        exportFailures = RateLimitedCounter(logger: logger, level: .error, message: "Span export failed")
    }

    // MARK: - Producer side (never blocks beyond the lock)

    /// Queues a span; drops and counts it if the queue is full, ignores it after shutdown.
    func enqueue(_ span: consuming OTelFinishedSpan) {
        let triggerCount = self.triggerCount
        // Moved into the queue from this optional, without a copy of the span.
        var pending: OTelFinishedSpan? = consume span
        var dropped = false
        // The common case touches no continuation: `CheckedContinuation` lives in a resilient library, so every copy
        // or destroy of one (even of a `nil` optional) is a runtime call (~250 instructions a span in all).
        let wakesWorker: Bool = state.withLock { state in
            guard !state.shutdownRequested else { return false }
            guard !state.queue.isFull else {
                dropped = true
                return false
            }
            if let span = pending.take() { state.queue.append(span) }
            state.enqueuedCount += 1
            return state.queue.count >= triggerCount && state.workerWaiter != nil
        }
        if dropped { drops.record() }
        if wakesWorker { wakeWorker(triggerCount: triggerCount) }
    }

    /// Resumes the waiting worker if the queue still holds `triggerCount` spans: meanwhile another producer or the
    /// timer may have woken it, and it may have drained the queue and be waiting again.
    @inline(never)
    private func wakeWorker(triggerCount: Int) {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard state.queue.count >= triggerCount else { return nil }
            defer { state.workerWaiter = nil }
            return state.workerWaiter
        }
        waiter?.resume()
    }

    /// Returns once every span queued before the call is exported and the exporter is flushed.
    ///
    /// Cancelling the calling task ends the wait with `CancellationError`; the spans are still exported.
    func forceFlush() async throws {
        let outcome = OneShotResult()
        let (accepted, waiter) = state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
            guard !state.shutdownRequested else { return (false, nil) }
            state.flushRequests.append(FlushRequest(target: state.enqueuedCount, outcome: outcome))
            defer { state.workerWaiter = nil }
            return (true, state.workerWaiter)
        }
        guard accepted else { return }
        waiter?.resume()
        do {
            try await outcome.wait()
        } catch {
            // Cancelled or failed: a request still queued must not make the worker drain or flush for nobody.
            state.withLock { state in state.flushRequests.removeAll { $0.outcome === outcome } }
            throw error
        }
    }

    /// ``forceFlush()``, but throws ``OTelForceFlushTimeoutError`` once `timeout` has passed on the worker's clock
    /// (`nil`: no limit).
    func forceFlush(timeout: Duration?) async throws {
        guard let timeout else { return try await forceFlush() }
        try await withForceFlushTimeout(timeout, clock: clock) { [self] in try await forceFlush() }
    }

    /// Exports everything queued, flushes and shuts the exporter down; returns when done. Repeated calls wait for
    /// the first to finish and do nothing more.
    func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (finished, isFirstRequest, waiter) = state.withLock {
                state -> (Bool, Bool, CheckedContinuation<Void, Never>?) in
                guard !state.isFinished else { return (true, false, nil) }
                let isFirstRequest = !state.shutdownRequested
                state.shutdownRequested = true
                state.shutdownWaiters.append(continuation)
                defer { state.workerWaiter = nil }
                return (false, isFirstRequest, state.workerWaiter)
            }
            if finished { continuation.resume() }
            // Before the worker drains the queue: the remaining batches get one attempt each, not a retry schedule.
            if isFirstRequest { exporter.prepareForShutdown() }
            waiter?.resume()
        }
    }

    var droppedCount: Int { drops.count }

    /// Reports, once, the spans lost because the owning processor is released without a shutdown: those still
    /// queued, and those of an export in progress (its task is cancelled). Never waits beyond the lock.
    func reportAbandoned() {
        let (queued, exporting) = state.withLock { state -> (Int, Int) in
            guard !state.shutdownRequested else { return (0, 0) }
            return (state.queue.count, state.exportingCount)
        }
        guard queued + exporting > 0 else { return }
        logger.warning(
            "A span processor was released without shutdown(); spans not yet exported are lost",
            metadata: ["count": "\(queued + exporting)", "queued": "\(queued)", "exporting": "\(exporting)"]
        )
    }

    // MARK: - Worker side

    /// The worker loop; returns after shutdown, or when its task is cancelled.
    func run() async {
        while !Task.isCancelled {
            await waitForWork()
            if Task.isCancelled { return }
            if await processDueWork() { return }
        }
    }

    private func hasWork(_ state: State) -> Bool {
        state.shutdownRequested || state.timerFired || !state.flushRequests.isEmpty
            || state.queue.count >= triggerCount
    }

    private func waitForWork() async {
        guard let delay = settings.scheduleDelay, delay > .zero else {
            await waitForSignal()
            return
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                do {
                    try await sleep(on: clock, for: delay)
                    fireTimer()
                } catch {
                    // Cancelled: another trigger came first.
                }
            }
            await waitForSignal()
            group.cancelAll()
        }
    }

    private func fireTimer() {
        let waiter = state.withLock { state in
            state.timerFired = true
            defer { state.workerWaiter = nil }
            return state.workerWaiter
        }
        waiter?.resume()
    }

    private func waitForSignal() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    if Task.isCancelled || hasWork(state) { return true }
                    state.workerWaiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                defer { state.workerWaiter = nil }
                return state.workerWaiter
            }
            waiter?.resume()
        }
    }

    /// Exports and flushes whatever is due; returns `true` once shut down.
    private func processDueWork() async -> Bool {
        var timerDue = false
        while true {
            let batchSize = settings.maxExportBatchSize
            let step: Step = state.withLock { state in
                if state.timerFired {
                    state.timerFired = false
                    timerDue = true
                }
                let flushTarget = state.flushRequests.lazy.map(\.target).max() ?? 0
                let draining = state.shutdownRequested || flushTarget > state.dequeuedCount
                if !state.queue.isEmpty, draining || timerDue || state.queue.count >= triggerCount {
                    let batch = state.queue.removeFirst(upTo: batchSize)
                    state.dequeuedCount += UInt64(batch.count)
                    state.exportingCount = batch.count
                    return .export(batch)
                }
                let dequeued = state.dequeuedCount
                if state.flushRequests.contains(where: { $0.target <= dequeued }) {
                    var ready: [FlushRequest] = []
                    state.flushRequests.removeAll { request in
                        guard request.target <= dequeued else { return false }
                        ready.append(request)
                        return true
                    }
                    return .flush(ready)
                }
                return state.shutdownRequested ? .shutdown : .idle
            }
            switch step {
            case .export(let batch):
                timerDue = false
                await export(batch)
                state.withLock { $0.exportingCount = 0 }
            case .flush(let requests):
                do {
                    try await exporter.forceFlush()
                    for request in requests { request.outcome.finish(.success(())) }
                } catch {
                    for request in requests { request.outcome.finish(.failure(error)) }
                }
            case .shutdown:
                do {
                    try await exporter.forceFlush()
                } catch {
                    logger.error("Flushing the span exporter during shutdown failed", metadata: ["error": "\(error)"])
                }
                await exporter.shutdown()
                let (shutdownWaiters, flushRequests) = state.withLock { state in
                    state.isFinished = true
                    defer {
                        state.shutdownWaiters = []
                        state.flushRequests = []
                    }
                    return (state.shutdownWaiters, state.flushRequests)
                }
                for request in flushRequests { request.outcome.finish(.success(())) }
                for waiter in shutdownWaiters { waiter.resume() }
                return true
            case .idle:
                return false
            }
        }
    }

    private enum ExportOutcome: Sendable {
        case exported
        case failed(any Error)
        case timedOut
    }

    /// Exports one batch, cancelling the export if it outlasts the export timeout.
    private func export(_ batch: [OTelFinishedSpan]) async {
        guard !batch.isEmpty else { return }
        let exporter = self.exporter
        guard let timeout = settings.exportTimeout, timeout > .zero else {
            do {
                try await exporter.export(batch)
            } catch {
                exportFailures.record(batch.count, metadata: ["error": "\(error)"])
            }
            return
        }
        let outcome = await withTaskGroup(of: ExportOutcome?.self) { group in
            group.addTask {
                do {
                    try await exporter.export(batch)
                    return .exported
                } catch {
                    return .failed(error)
                }
            }
            group.addTask { [clock] in
                do {
                    try await sleep(on: clock, for: timeout)
                    return .timedOut
                } catch {
                    return nil
                }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        switch outcome {
        case .failed(let error):
            exportFailures.record(batch.count, metadata: ["error": "\(error)"])
        case .timedOut:
            exportFailures.record(batch.count, metadata: ["error": "export timed out after \(timeout)"])
        case .exported, nil:
            break
        }
    }
}

/// Sleeps on an existential clock (opens it to call the generic `sleep(for:)`).
func sleep<C: Clock>(on clock: C, for duration: Duration) async throws where C.Duration == Duration {
    try await clock.sleep(for: duration)
}

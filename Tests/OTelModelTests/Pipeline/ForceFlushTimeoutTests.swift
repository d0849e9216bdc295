import Synchronization
import Testing

@testable import OTelModel

/// compat-spec SDK-12: a given forceFlush timeout takes priority over finishing, and the result says so.
@Suite("forceFlush with a timeout")
struct ForceFlushTimeoutTests {
    /// A batch processor without schedule or export timers, so the only sleeper on `clock` is a flush timeout.
    private func makeBatchProcessor(_ exporter: GatedExporter, clock: ManualClock) -> OTelBatchSpanProcessor {
        OTelBatchSpanProcessor(
            exporter: exporter,
            configuration: .init(scheduleDelay: .zero, exportTimeout: .zero),
            clock: clock
        )
    }

    @Test("batch: a timeout that passes before the export finishes throws the timeout error; spans still export")
    func batchTimesOut() async throws {
        let exporter = GatedExporter()
        let clock = ManualClock()
        let processor = makeBatchProcessor(exporter, clock: clock)
        processor.onEnd(finishedSpan("a"))
        let flush = Task { try await processor.forceFlush(timeout: .seconds(2)) }
        await clock.waitForSleepers(1)
        #expect(clock.sleeperDeadlines == [.seconds(2)])
        clock.advance(by: .seconds(2))
        let error = await #expect(throws: OTelForceFlushTimeoutError.self) { try await flush.value }
        #expect(error == OTelForceFlushTimeoutError(timeout: .seconds(2)))
        #expect(exporter.flushCount == 0)
        exporter.open()
        try await processor.forceFlush()
        #expect(exporter.exportedNames == ["a"])
        #expect(exporter.flushCount >= 1)
        await processor.shutdown()
    }

    @Test("batch: a flush that finishes within the timeout returns normally and leaves no timer behind")
    func batchFinishesInTime() async throws {
        let exporter = GatedExporter(open: true)
        let clock = ManualClock()
        let processor = makeBatchProcessor(exporter, clock: clock)
        processor.onEnd(finishedSpan("a"))
        try await processor.forceFlush(timeout: .seconds(2))
        #expect(exporter.exportedNames == ["a"])
        #expect(exporter.events.last == "flush")
        #expect(clock.sleeperDeadlines.isEmpty)
        processor.onEnd(finishedSpan("b"))
        try await processor.forceFlush(timeout: nil)
        #expect(exporter.exportedNames == ["a", "b"])
        await processor.shutdown()
    }

    @Test("batch: cancelling a waiting forceFlush ends it with CancellationError; the spans still export")
    func batchCancelled() async throws {
        let exporter = GatedExporter()
        let processor = makeBatchProcessor(exporter, clock: ManualClock())
        processor.onEnd(finishedSpan("a"))
        let flush = Task { try await processor.forceFlush() }
        flush.cancel()
        await #expect(throws: CancellationError.self) { try await flush.value }
        exporter.open()
        try await processor.forceFlush()
        #expect(exporter.exportedNames == ["a"])
        await processor.shutdown()
    }

    @Test("simple: a timeout that passes before the export finishes throws the timeout error; spans still export")
    func simpleTimesOut() async throws {
        let exporter = GatedExporter()
        let clock = ManualClock()
        let processor = OTelSimpleSpanProcessor(exporter: exporter, exportTimeout: .zero, clock: clock)
        processor.onEnd(finishedSpan("a"))
        let flush = Task { try await processor.forceFlush(timeout: .milliseconds(500)) }
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(500))
        let error = await #expect(throws: OTelForceFlushTimeoutError.self) { try await flush.value }
        #expect(error?.timeout == .milliseconds(500))
        exporter.open()
        try await processor.forceFlush()
        #expect(exporter.exportedNames == ["a"])
        await processor.shutdown()
    }

    @Test("provider: every processor is flushed, and one that does not finish in time makes it throw the timeout")
    func providerTimesOut() async throws {
        let exporter = GatedExporter()
        let clock = ManualClock()
        let recorder = RecordingSpanProcessor()
        let provider = OTelTracerProvider(
            resource: OTelResource(),
            processors: [makeBatchProcessor(exporter, clock: clock), recorder]
        )
        provider.tracer(name: "test").startSpan("a", parent: nil).end()
        let flush = Task { try await provider.forceFlush(timeout: .seconds(1)) }
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
        await #expect(throws: OTelForceFlushTimeoutError(timeout: .seconds(1))) { try await flush.value }
        #expect(recorder.flushCount == 1)
        exporter.open()
        try await provider.forceFlush(timeout: .seconds(1))
        #expect(exporter.exportedNames == ["a"])
        await provider.shutdown()
    }

    @Test("a processor without its own timeout handling is timed by the default implementation")
    func defaultImplementationTimesOut() async throws {
        let processor = GatedFlushProcessor()
        await #expect(throws: OTelForceFlushTimeoutError(timeout: .zero)) {
            try await processor.forceFlush(timeout: .zero)
        }
        #expect(!processor.isFlushed)
        processor.open()
        try await processor.forceFlush(timeout: nil)
        #expect(processor.isFlushed)
    }
}

/// A processor whose forceFlush waits (ignoring cancellation) until the test opens it.
private final class GatedFlushProcessor: OTelSpanProcessor {
    private struct State {
        var open = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var flushed = false
    }

    private let state = LockedValue(State())

    func onEnd(_ span: OTelFinishedSpan) {}

    func forceFlush() async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let open = state.withLock { state in
                if !state.open { state.waiters.append(continuation) }
                return state.open
            }
            if open { continuation.resume() }
        }
        state.withLock { $0.flushed = true }
    }

    func shutdown() async {}

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    var isFlushed: Bool { state.withLock { $0.flushed } }
}

import Logging
import Synchronization

@testable import OTelModel

/// A span clock that returns a time the test sets.
final class SteppingClock: OTelClock {
    private let time: Atomic<UInt64>

    init(start: UInt64 = 1_000) {
        time = Atomic(start)
    }

    func nanosecondsSinceEpoch() -> UInt64 { time.load(ordering: .relaxed) }

    func advance(by nanoseconds: UInt64) {
        time.add(nanoseconds, ordering: .relaxed)
    }
}

/// Records every call it receives.
final class RecordingSpanProcessor: OTelSpanProcessor {
    private struct State {
        var started: [(span: OTelSpan, parent: OTelSpanContext?)] = []
        var ended: [OTelFinishedSpan] = []
        var flushCount = 0
        var shutdownCount = 0
    }

    private let state = LockedValue(State())

    func onStart(_ span: OTelSpan, parentContext: OTelSpanContext?) {
        state.withLock { $0.started.append((span, parentContext)) }
    }

    func onEnd(_ span: OTelFinishedSpan) {
        state.withLock { $0.ended.append(span) }
    }

    func forceFlush() async throws { state.withLock { $0.flushCount += 1 } }

    func shutdown() async { state.withLock { $0.shutdownCount += 1 } }

    var startedSpans: [OTelSpan] { state.withLock { $0.started.map(\.span) } }
    var startParents: [OTelSpanContext?] { state.withLock { $0.started.map(\.parent) } }
    var endedSpans: [OTelFinishedSpan] { state.withLock { $0.ended } }
    var flushCount: Int { state.withLock { $0.flushCount } }
    var shutdownCount: Int { state.withLock { $0.shutdownCount } }
}

/// Returns a fixed decision and records what it was asked.
final class ScriptedSampler: OTelSampler {
    struct Call {
        var parentContext: OTelSpanContext?
        var traceID: TraceID
        var name: String
        var kind: OTelSpanKind
        var attributes: OTelAttributes
        var links: [OTelSpanLink]
    }

    let result: OTelSamplingResult
    private let calls = LockedValue<[Call]>([])

    init(_ decision: OTelSamplingDecision, attributes: OTelAttributes = [:], traceState: OTelTraceState? = nil) {
        result = OTelSamplingResult(decision: decision, attributes: attributes, traceState: traceState)
    }

    func shouldSample(
        parentContext: OTelSpanContext?,
        traceID: TraceID,
        name: String,
        kind: OTelSpanKind,
        attributes: OTelAttributes,
        links: [OTelSpanLink]
    ) -> OTelSamplingResult {
        calls.withLock {
            $0.append(
                Call(
                    parentContext: parentContext, traceID: traceID, name: name, kind: kind, attributes: attributes,
                    links: links))
        }
        return result
    }

    var recordedCalls: [Call] { calls.withLock { $0 } }
    var description: String { "ScriptedSampler" }
}

/// A provider wired to a recording processor, deterministic ids and a stepping clock.
struct TraceFixture {
    let processor = RecordingSpanProcessor()
    let clock = SteppingClock()
    let provider: OTelTracerProvider
    let tracer: OTelTracer

    init(
        sampler: any OTelSampler = OTelAlwaysOnSampler(),
        spanLimits: OTelSpanLimits = .default,
        logger: Logger = Logger(label: "test")
    ) {
        provider = OTelTracerProvider(
            resource: OTelResource(attributes: ["service.name": "fixture"]),
            sampler: sampler,
            processors: [processor],
            idGenerator: OTelIncrementingIDGenerator(),
            clock: clock,
            spanLimits: spanLimits,
            logger: logger
        )
        tracer = provider.tracer(name: "fixture-scope", version: "1.0")
    }

    /// The only ended span, or a test failure.
    var onlyEnded: OTelFinishedSpan? {
        let ended = processor.endedSpans
        return ended.count == 1 ? ended[0] : nil
    }
}

extension OTelSpanContext {
    /// A valid context with small ids, for parents.
    static func stub(trace: UInt64 = 0xAB, span: UInt64 = 0xCD, sampled: Bool = true, remote: Bool = false)
        -> OTelSpanContext
    {
        OTelSpanContext(
            traceID: TraceID(high: 0, low: trace),
            spanID: SpanID(value: span),
            traceFlags: sampled ? .sampled : [],
            isRemote: remote
        )
    }
}

import OTelModel
import OpenTracing
import Synchronization

/// An OpenTracing span over an OpenTelemetry span; it holds its span context's parts inline and makes the
/// span-context shim only when ``context`` is read (OT-31).
///
/// A span that does not record (dropped by the sampler) is this object alone: it keeps the OpenTelemetry span
/// context inline and makes a non-recording OpenTelemetry span only when one is needed (an activation), once.
///
/// The OpenTelemetry span is only ever changed through its own thread-safe API; the baggage and the cached context
/// shim are guarded by a lock stripe (OT-32, OT-34 … OT-36). After ``finish(at:)`` every change is ignored and
/// reported once per span.
final class SpanShim: OpenTracing.Span, @unchecked Sendable {
    let tracerShim: TracerShim
    /// The OpenTelemetry span the shim started or adopted; `nil` when the sampler dropped the span, which then costs
    /// no OpenTelemetry span object unless one is needed (``otelSpan``).
    private let givenSpan: OTelSpan?
    /// Whether ``givenSpan`` records: an unsampled span never will, so tags and logs skip their mapping.
    private let records: Bool
    /// The non-recording OpenTelemetry span over ``spanContext`` of a dropped span, made on first need and then
    /// reused, so that every activation stores the same object (``ScopeManagerShim/active`` compares it). Guarded by
    /// ``LockStripes`` for `self`.
    private nonisolated(unsafe) var madeSpan: OTelSpan?
    /// The OpenTelemetry span context; also kept when the span does not record, so that it propagates.
    let spanContext: OTelSpanContext
    /// Whether the trace was forced by a debug flag (B3 or Jaeger); propagated so that B3 and Jaeger inject it again.
    let isDebug: Bool
    /// The `jaeger-debug-id` of an extracted debug request without ids, propagated to children.
    let jaegerDebugID: String?
    /// Guarded by ``LockStripes`` for `self`.
    private nonisolated(unsafe) var currentBaggage: OTelBaggage
    /// The context shim handed out for ``currentBaggage``; `nil` until ``context`` is read and after a baggage change,
    /// so that a context handed out never changes (OT-31) and repeated reads return one instance. Guarded by
    /// ``LockStripes`` for `self`.
    private nonisolated(unsafe) var cachedContext: SpanContextShim?
    /// Bit 0: finished; bit 1: use after finish already reported.
    private let state = Atomic<UInt8>(0)

    private static let finishedBit: UInt8 = 1
    private static let reportedBit: UInt8 = 2

    /// A span started by the shim: `recordingSpan` is `nil` when the sampler dropped it.
    convenience init(
        tracer: TracerShim,
        spanContext: OTelSpanContext,
        recordingSpan: OTelSpan?,
        baggage: OTelBaggage,
        isDebug: Bool,
        jaegerDebugID: String?
    ) {
        self.init(
            tracer: tracer,
            spanContext: spanContext,
            givenSpan: recordingSpan,
            records: recordingSpan != nil,
            baggage: baggage,
            isDebug: isDebug,
            jaegerDebugID: jaegerDebugID
        )
    }

    /// A span over an existing OpenTelemetry span (one made current through OTelModel); it records only if that
    /// span records now.
    convenience init(
        adopting otelSpan: OTelSpan,
        tracer: TracerShim,
        baggage: OTelBaggage,
        isDebug: Bool,
        jaegerDebugID: String?
    ) {
        self.init(
            tracer: tracer,
            spanContext: otelSpan.context,
            givenSpan: otelSpan,
            records: otelSpan.isRecording,
            baggage: baggage,
            isDebug: isDebug,
            jaegerDebugID: jaegerDebugID
        )
    }

    private init(
        tracer: TracerShim,
        spanContext: OTelSpanContext,
        givenSpan: OTelSpan?,
        records: Bool,
        baggage: OTelBaggage,
        isDebug: Bool,
        jaegerDebugID: String?
    ) {
        self.tracerShim = tracer
        self.spanContext = spanContext
        self.givenSpan = givenSpan
        self.records = records
        self.currentBaggage = baggage
        self.isDebug = isDebug
        self.jaegerDebugID = jaegerDebugID
    }

    /// The OpenTelemetry span: the given one, or for a dropped span a non-recording one, made once on first use.
    var otelSpan: OTelSpan {
        if let givenSpan { return givenSpan }
        return LockStripes.withLock(for: self) {
            if let madeSpan { return madeSpan }
            let made = OTelSpan(nonRecording: spanContext)
            madeSpan = made
            return made
        }
    }

    /// The current span-context shim (OT-34).
    var context: any SpanContext { contextShim }

    /// The current span-context shim, typed: made on first read after a baggage change, then reused.
    var contextShim: SpanContextShim {
        LockStripes.withLock(for: self) {
            if let cachedContext { return cachedContext }
            let made = SpanContextShim(
                spanContext: spanContext,
                baggage: currentBaggage,
                isDebug: isDebug,
                jaegerDebugID: jaegerDebugID
            )
            cachedContext = made
            return made
        }
    }

    /// The current baggage (OT-35), without making a context shim.
    var baggage: OTelBaggage {
        LockStripes.withLock(for: self) { currentBaggage }
    }

    var tracer: any OpenTracing.Tracer { tracerShim }

    /// Updates the OpenTelemetry span name (OT-37).
    func setOperationName(_ operationName: String) {
        guard isUsable() else { return }
        givenSpan?.updateName(operationName)
    }

    /// Sets an attribute (OT-33, OT-38), or the status for `error` (OT-39), or the kind for `span.kind`.
    func setTag(_ key: String, _ value: TagValue) {
        guard isUsable(), records else { return }
        if TagMapping.isErrorTag(key), let status = TagMapping.status(ofErrorTag: value) {
            givenSpan?.setStatus(status)
            return
        }
        if TagMapping.isSpanKindTag(key), tracerShim.mapsSpanKindTag,
            let kind = TagMapping.spanKind(ofSpanKindTag: value)
        {
            givenSpan?.setKind(kind)
            return
        }
        givenSpan?.setAttribute(key, TagMapping.attributeValue(value))
    }

    /// Adds an event (OT-33, OT-41 … OT-43); an explicit timestamp is kept exactly on every path.
    func log(fields: [LogField], timestamp: Timestamp?) {
        guard isUsable(), records else { return }
        let time = timestamp?.nanosecondsSinceEpoch
        if fields.count == 1 {
            // The common one-field log: its attribute goes into the event without a collection (no allocation).
            let event = LogMapping.event(for: fields[0])
            givenSpan?.addEvent(event.name, attribute: event.key, event.value, at: time)
            return
        }
        let event = LogMapping.event(for: fields)
        givenSpan?.addEvent(event.name, attributes: event.attributes, at: time)
    }

    /// Sets the item; the next ``context`` read returns a new context shim, an earlier one keeps its baggage
    /// (OT-31, OT-36).
    func setBaggageItem(_ key: String, _ value: String) {
        guard isUsable() else { return }
        LockStripes.withLock(for: self) {
            currentBaggage = currentBaggage.setting(name: key, value: value)
            cachedContext = nil
        }
    }

    /// The item from the current baggage (OT-35).
    func baggageItem(_ key: String) -> String? {
        baggage[key]
    }

    /// Ends the OpenTelemetry span, once, at exactly the given time (OT-44).
    func finish(at finishTime: Timestamp?) {
        let previous = state.bitwiseOr(Self.finishedBit, ordering: .acquiringAndReleasing).oldValue
        guard previous & Self.finishedBit == 0 else {
            reportUseAfterFinish()
            return
        }
        givenSpan?.end(at: finishTime?.nanosecondsSinceEpoch)
    }

    /// Whether the span is still open; reports the first call after finish.
    @inline(__always)
    private func isUsable() -> Bool {
        guard state.load(ordering: .acquiring) & Self.finishedBit != 0 else { return true }
        reportUseAfterFinish()
        return false
    }

    private func reportUseAfterFinish() {
        let previous = state.bitwiseOr(Self.reportedBit, ordering: .relaxed).oldValue
        guard previous & Self.reportedBit == 0 else { return }
        tracerShim.diagnostics.report(.useAfterFinish, detail: "span '\(givenSpan?.name ?? "")' \(spanContext.spanID)")
    }
}

import OTelModel
import OpenTracing
import Synchronization

/// An OpenTracing span over an OpenTelemetry span and the current span-context shim (OT-31).
///
/// The OpenTelemetry span is only ever changed through its own thread-safe API; the context reference is swapped
/// under a lock stripe (OT-32, OT-34 … OT-36). After ``finish(at:)`` every change is ignored and reported once
/// per span.
final class SpanShim: OpenTracing.Span, @unchecked Sendable {
    let otelSpan: OTelSpan
    let tracerShim: TracerShim
    /// Whether the OpenTelemetry span records: an unsampled span never will, so tags and logs skip their mapping.
    private let records: Bool
    /// Guarded by ``LockStripes`` for `self`.
    private nonisolated(unsafe) var currentContext: SpanContextShim
    /// Bit 0: finished; bit 1: use after finish already reported.
    private let state = Atomic<UInt8>(0)

    private static let finishedBit: UInt8 = 1
    private static let reportedBit: UInt8 = 2

    init(otelSpan: OTelSpan, tracer: TracerShim, context: SpanContextShim) {
        self.otelSpan = otelSpan
        self.tracerShim = tracer
        self.currentContext = context
        self.records = otelSpan.isRecording
    }

    /// The current span-context shim (OT-34).
    var context: any SpanContext { contextShim }

    /// The current span-context shim, typed.
    var contextShim: SpanContextShim {
        LockStripes.withLock(for: self) { currentContext }
    }

    var tracer: any OpenTracing.Tracer { tracerShim }

    /// Updates the OpenTelemetry span name (OT-37).
    func setOperationName(_ operationName: String) {
        guard isUsable() else { return }
        otelSpan.updateName(operationName)
    }

    /// Sets an attribute (OT-33, OT-38), or the status for `error` (OT-39), or the kind for `span.kind`.
    func setTag(_ key: String, _ value: TagValue) {
        guard isUsable(), records else { return }
        if key == SpanTag.error, let status = TagMapping.status(ofErrorTag: value) {
            otelSpan.setStatus(status)
            return
        }
        if key == SpanTag.spanKind, tracerShim.mapsSpanKindTag, let kind = TagMapping.spanKind(ofSpanKindTag: value) {
            otelSpan.setKind(kind)
            return
        }
        otelSpan.setAttribute(key, TagMapping.attributeValue(value))
    }

    /// Adds an event (OT-33, OT-41 … OT-43); an explicit timestamp is kept exactly on every path.
    func log(fields: [LogField], timestamp: Timestamp?) {
        guard isUsable(), records else { return }
        let event = LogMapping.event(for: fields)
        otelSpan.addEvent(event.name, attributes: event.attributes, at: timestamp?.nanosecondsSinceEpoch)
    }

    /// Replaces the context shim by a new one with the item (OT-31, OT-36).
    func setBaggageItem(_ key: String, _ value: String) {
        guard isUsable() else { return }
        LockStripes.withLock(for: self) {
            currentContext = currentContext.settingBaggageItem(key, value)
        }
    }

    /// The item from the current context shim's baggage (OT-35).
    func baggageItem(_ key: String) -> String? {
        contextShim.baggage[key]
    }

    /// Ends the OpenTelemetry span, once, at exactly the given time (OT-44).
    func finish(at finishTime: Timestamp?) {
        let previous = state.bitwiseOr(Self.finishedBit, ordering: .acquiringAndReleasing).oldValue
        guard previous & Self.finishedBit == 0 else {
            reportUseAfterFinish()
            return
        }
        otelSpan.end(at: finishTime?.nanosecondsSinceEpoch)
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
        tracerShim.diagnostics.report(.useAfterFinish, detail: "span '\(otelSpan.name)' \(otelSpan.context.spanID)")
    }
}

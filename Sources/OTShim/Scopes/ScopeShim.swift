import OTelModel
import OpenTracing
import Synchronization

/// The activation of a span in the OpenTelemetry context; stored in that context as its attachment, so that
/// ``ScopeManagerShim/active`` returns this very object (and its span shim) while it is current (OT-50).
final class ScopeShim: Scope {
    enum Kind: Sendable {
        /// Made by `activate`: an attached context that `close()` detaches.
        case imperative(finishOnClose: Bool)
        /// Made by `withActiveSpan`: a structured binding that ends with its closure.
        case structured
        /// Made by `active` for a context the shim did not activate (a span made current through OTelModel, or
        /// baggage alone).
        case ambient
    }

    /// The activated span, as given.
    let span: any OpenTracing.Span
    /// The shim span, `nil` for a span of another tracer.
    let spanShim: SpanShim?
    /// The OpenTelemetry span stored in the context.
    let otelSpan: OTelSpan
    let kind: Kind
    private let manager: ScopeManagerShim
    /// The attachment's token, set once right after attaching. Guarded by ``LockStripes`` for `self` (a lock stripe
    /// costs far less than `AtomicLazyReference`, whose generic calls are not specialised).
    private nonisolated(unsafe) var token: OTelContextToken?
    private let closed = Atomic<Bool>(false)

    init(span: any OpenTracing.Span, spanShim: SpanShim?, otelSpan: OTelSpan, kind: Kind, manager: ScopeManagerShim) {
        self.span = span
        self.spanShim = spanShim
        self.otelSpan = otelSpan
        self.kind = kind
        self.manager = manager
    }

    /// Records the token of the attachment; called once, right after attaching.
    func setToken(_ token: OTelContextToken) {
        LockStripes.withLock(for: self) {
            if self.token == nil { self.token = token }
        }
    }

    /// Detaches an imperative activation (finishing the span if asked); reports a second close, an out-of-order
    /// close, a close in another thread or task, and a close of a structured or ambient scope, which changes
    /// nothing.
    func close() {
        guard case .imperative(let finishOnClose) = kind else {
            manager.report(.closedAmbientScope, span: span)
            return
        }
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else {
            manager.report(.doubleClose, span: span)
            return
        }
        let token = LockStripes.withLock(for: self) { self.token }
        switch token?.detach() ?? .detached {
        case .detached:
            break
        case .detachedOutOfOrder:
            manager.report(.outOfOrderClose, span: span)
        case .detachedFromAnotherContext:
            let inTask = withUnsafeCurrentTask { $0 != nil }
            manager.report(inTask ? .closedInOtherTask : .closedOnOtherThread, span: span)
        case .alreadyDetached:
            manager.report(.doubleClose, span: span)
        }
        if finishOnClose {
            span.finish()
        }
    }
}

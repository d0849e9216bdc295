import OTelModel
import OpenTracing

/// The OpenTracing scope manager over OTelModel's context (OT-48 … OT-51).
///
/// Activating a span makes a new OpenTelemetry context current, holding the OpenTelemetry span, the span shim's
/// baggage and the scope (OT-49), so OTelModel and swift-distributed-tracing code sees the span as current, and
/// ``active`` finds the same scope and span shim again (OT-50).
///
/// - Imperative (`activate` → `close()`): the context is attached to the calling thread, or to the calling task
///   where it survives `await` (OTelModel keeps one attachment stack per thread and per task). Child tasks do not
///   inherit it.
/// - Structured (`withActiveSpan`, sync and async): the context is bound for the closure, across `await` and into
///   `async let`, task groups and `Task {}`.
///
/// The inner activation wins, in both nestings. Misuse (a second close, an out-of-order close, a close elsewhere,
/// closing a structured or ambient scope) is counted, logged, passed to the misuse handler, and never changes what
/// other code sees as active.
final class ScopeManagerShim: ScopeManager, @unchecked Sendable {
    /// Set once by the tracer that owns this manager, before either is shared; weak because the tracer owns it.
    nonisolated(unsafe) weak var tracer: TracerShim?
    private let diagnostics: ShimDiagnostics
    private let misuseHandler: (@Sendable (ScopeMisuseReport) -> Void)?

    init(diagnostics: ShimDiagnostics, misuseHandler: (@Sendable (ScopeMisuseReport) -> Void)?) {
        self.diagnostics = diagnostics
        self.misuseHandler = misuseHandler
    }

    /// Attaches a context with the span, its baggage and the scope (OT-49) until the scope is closed.
    ///
    /// A span of another tracer is activated as a non-recording OpenTelemetry span over its identifiers when
    /// they are OpenTelemetry-shaped hex strings, else over the invalid context (OT-49's "null span"); its
    /// baggage is kept.
    func activate(_ span: any OpenTracing.Span, finishOnClose: Bool) -> any Scope {
        let resolved = resolve(span)
        let scope = ScopeShim(
            span: span,
            spanShim: resolved.spanShim,
            otelSpan: resolved.otelSpan,
            kind: .imperative(finishOnClose: finishOnClose),
            manager: self
        )
        scope.setToken(OTelContext.attach(resolved.otelContext(scope: scope)))
        return scope
    }

    /// The active scope (OT-50):
    /// - `nil` when the current OpenTelemetry span is invalid (or absent) and the current baggage is empty;
    /// - the scope this shim activated, when the current context still holds its OpenTelemetry span;
    /// - else a new ambient scope over a new span shim: over the current OpenTelemetry span (made current
    ///   through OTelModel) with the current baggage, or, with no valid span, over a non-recording invalid span
    ///   carrying the baggage.
    var active: (any Scope)? {
        let current = OTelContext.current
        let span = current.span
        let hasValidSpan = span?.context.isValid ?? false
        guard hasValidSpan || !current.baggage.isEmpty else { return nil }
        if let scope = current.attachment as? ScopeShim, scope.otelSpan === span {
            return scope
        }
        guard let tracer else { return nil }
        let otelSpan = (hasValidSpan ? span : nil) ?? OTelSpan(nonRecording: .invalid)
        let spanShim = SpanShim(
            adopting: otelSpan,
            tracer: tracer,
            baggage: current.baggage,
            isDebug: current.isDebug,
            jaegerDebugID: current.jaegerDebugID
        )
        return ScopeShim(span: spanShim, spanShim: spanShim, otelSpan: otelSpan, kind: .ambient, manager: self)
    }

    /// Runs `body` with a context holding the span, its baggage and a structured scope bound.
    func withActiveSpan<Result>(_ span: any OpenTracing.Span, _ body: () throws -> Result) rethrows -> Result {
        try OTelContext.withValue(structuredContext(span), body)
    }

    /// Runs the async `body` with a context holding the span, its baggage and a structured scope bound, across
    /// `await` and in child tasks.
    func withActiveSpan<Result>(
        _ span: any OpenTracing.Span,
        isolation: isolated (any Actor)?,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        try await OTelContext.withValue(structuredContext(span), isolation: isolation, body)
    }

    private func structuredContext(_ span: any OpenTracing.Span) -> OTelContext {
        let resolved = resolve(span)
        let scope = ScopeShim(
            span: span, spanShim: resolved.spanShim, otelSpan: resolved.otelSpan, kind: .structured, manager: self)
        return resolved.otelContext(scope: scope)
    }

    /// What activating a span makes current.
    private struct Activation {
        let otelSpan: OTelSpan
        let baggage: OTelBaggage
        let isDebug: Bool
        let jaegerDebugID: String?
        /// The shim span, `nil` for a span of another tracer.
        let spanShim: SpanShim?

        /// The context an activation makes current: the span, its baggage and debug marks, the scope (which reports
        /// the span's live baggage, OT-51).
        func otelContext(scope: ScopeShim) -> OTelContext {
            OTelContext(
                span: otelSpan,
                baggage: baggage,
                liveAttachment: scope,
                isDebug: isDebug,
                jaegerDebugID: jaegerDebugID
            )
        }
    }

    /// The OpenTelemetry span, baggage and debug marks that activating `span` makes current.
    private func resolve(_ span: any OpenTracing.Span) -> Activation {
        if let spanShim = span as? SpanShim {
            return Activation(
                otelSpan: spanShim.otelSpan,
                baggage: spanShim.baggage,
                isDebug: spanShim.isDebug,
                jaegerDebugID: spanShim.jaegerDebugID,
                spanShim: spanShim
            )
        }
        // A wrapper around a shim span carries a shim context: it activates as that span, unreported.
        let (converted, isForeign) = SpanContextShim.converting(span.context)
        if isForeign, !(span is NoopSpan) {
            diagnostics.report(.foreignSpan, detail: "\(type(of: span))")
        }
        return Activation(
            otelSpan: OTelSpan(nonRecording: converted.spanContext),
            baggage: converted.baggage,
            isDebug: converted.isDebug,
            jaegerDebugID: converted.jaegerDebugID,
            spanShim: nil
        )
    }

    /// Counts, logs and passes on a misuse.
    func report(_ misuse: ScopeMisuse, span: any OpenTracing.Span) {
        diagnostics.report(.scopeMisuse, detail: misuse.description)
        misuseHandler?(ScopeMisuseReport(kind: misuse, span: span))
    }
}

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
        let (otelSpan, context, spanShim) = resolve(span)
        let scope = ScopeShim(
            span: span,
            spanShim: spanShim,
            otelSpan: otelSpan,
            kind: .imperative(finishOnClose: finishOnClose),
            manager: self
        )
        scope.setToken(OTelContext.attach(Self.otelContext(otelSpan, context, scope)))
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
            otelSpan: otelSpan,
            tracer: tracer,
            context: SpanContextShim(
                spanContext: otelSpan.context,
                baggage: current.baggage,
                isDebug: current.isDebug,
                jaegerDebugID: current.jaegerDebugID
            )
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
        let (otelSpan, context, spanShim) = resolve(span)
        let scope = ScopeShim(span: span, spanShim: spanShim, otelSpan: otelSpan, kind: .structured, manager: self)
        return Self.otelContext(otelSpan, context, scope)
    }

    /// The context an activation makes current: the span, the span shim's baggage and debug marks, the scope.
    private static func otelContext(_ span: OTelSpan, _ context: SpanContextShim, _ scope: ScopeShim) -> OTelContext {
        OTelContext(
            span: span,
            baggage: context.baggage,
            attachment: scope,
            isDebug: context.isDebug,
            jaegerDebugID: context.jaegerDebugID
        )
    }

    /// The OpenTelemetry span and the span-context shim that activating `span` makes current.
    private func resolve(_ span: any OpenTracing.Span) -> (OTelSpan, SpanContextShim, SpanShim?) {
        if let spanShim = span as? SpanShim {
            return (spanShim.otelSpan, spanShim.contextShim, spanShim)
        }
        // A wrapper around a shim span carries a shim context: it activates as that span, unreported.
        let (converted, isForeign) = SpanContextShim.converting(span.context)
        if isForeign, !(span is NoopSpan) {
            diagnostics.report(.foreignSpan, detail: "\(type(of: span))")
        }
        return (OTelSpan(nonRecording: converted.spanContext), converted, nil)
    }

    /// Counts, logs and passes on a misuse.
    func report(_ misuse: ScopeMisuse, span: any OpenTracing.Span) {
        diagnostics.report(.scopeMisuse, detail: misuse.description)
        misuseHandler?(ScopeMisuseReport(kind: misuse, span: span))
    }
}

/// The scope manager of a ``NoopTracer``: ``active`` is always `nil`, and structured activation just runs the body.
///
/// Activating the tracer's own span returns one shared scope (no allocation). A scope of any other span honours
/// `finishOnClose`.
public final class NoopScopeManager: ScopeManager {
    private let sharedScope: NoopScope

    init(span: NoopSpan) {
        sharedScope = NoopScope(span: span, finishOnClose: false)
    }

    /// Creates a scope manager whose ``active`` is always `nil`.
    public convenience init() {
        self.init(span: NoopTracer.shared.span)
    }

    public func activate(_ span: any Span, finishOnClose: Bool) -> any Scope {
        if span === sharedScope.span {
            return sharedScope
        }
        return NoopScope(span: span, finishOnClose: finishOnClose)
    }

    public var active: (any Scope)? { nil }

    public func withActiveSpan<Result>(_ span: any Span, _ body: () throws -> Result) rethrows -> Result {
        try body()
    }

    public func withActiveSpan<Result>(
        _ span: any Span,
        isolation: isolated (any Actor)?,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        try await body()
    }
}

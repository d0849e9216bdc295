/// Tracks the active span: the implicit parent of new spans and what ``Tracer/activeSpan`` returns.
///
/// Two activation styles exist side by side:
/// - imperative: ``activate(_:finishOnClose:)`` returns a ``Scope`` that the caller closes later, possibly in
///   another function (the shape of most existing OpenTracing call sites);
/// - structured: ``withActiveSpan(_:_:)`` activates a span for the duration of a closure. In an async closure
///   this is the only way a span can stay active across `await` and reach child tasks.
///
/// [OpenTracing RFC: ScopeManager](https://github.com/opentracing/specification/blob/master/rfc/scope_manager.md)
public protocol ScopeManager: AnyObject, Sendable {
    /// Makes `span` the active span until the returned scope is closed.
    ///
    /// - Parameter finishOnClose: Whether closing the scope finishes the span.
    func activate(_ span: any Span, finishOnClose: Bool) -> any Scope

    /// The innermost open scope of the current thread or task, or `nil`.
    var active: (any Scope)? { get }

    /// Runs `body` with `span` active and deactivates it afterwards; the span is not finished.
    func withActiveSpan<Result>(_ span: any Span, _ body: () throws -> Result) rethrows -> Result

    /// Runs the async `body` with `span` active and deactivates it afterwards; the span is not finished.
    ///
    /// Pass `isolation: #isolation`. (A protocol requirement cannot default it, and an overload that did would be
    /// dispatched statically, bypassing a conforming type's implementation.)
    func withActiveSpan<Result>(
        _ span: any Span,
        isolation: isolated (any Actor)?,
        _ body: () async throws -> Result
    ) async rethrows -> Result
}

extension ScopeManager {
    /// Activates `span` with `finishOnClose` = `false`.
    public func activate(_ span: any Span) -> any Scope {
        activate(span, finishOnClose: false)
    }

    /// Structured activation in terms of ``activate(_:finishOnClose:)``; correct for scope managers whose
    /// activation belongs to the calling thread.
    public func withActiveSpan<Result>(_ span: any Span, _ body: () throws -> Result) rethrows -> Result {
        let scope = activate(span, finishOnClose: false)
        defer { scope.close() }
        return try body()
    }

    /// Async structured activation; the default activates imperatively around `body`, which is correct only for
    /// scope managers whose activations survive `await` (they do not reach child tasks).
    public func withActiveSpan<Result>(
        _ span: any Span,
        isolation: isolated (any Actor)?,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        let scope = activate(span, finishOnClose: false)
        defer { scope.close() }
        return try await body()
    }
}

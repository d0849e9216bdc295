public import Instrumentation
import Synchronization

extension OTelContext {
    /// The current context of the calling thread or task.
    ///
    /// It is the innermost attachment (``attach(_:)``) of this thread or task that was made inside the current
    /// structured binding; if there is none, the structured binding (``withValue(_:_:)``, also visible in child
    /// tasks); else ``empty``. So the inner one wins whichever style is nested in which, and a token leaked past
    /// the end of a `withValue` hides nothing.
    public static var current: OTelContext {
        let binding = InstrumentationContext.current?[OTelContextKey.self]
        if let entry = ContextRegistry.shared.innermostOpenEntry(base: binding?.token ?? 0) {
            return entry.context.resolvingLiveBaggage
        }
        return binding?.context.resolvingLiveBaggage ?? .empty
    }

    /// The OTel context that `instrumentationContext` stands for.
    ///
    /// When it is the calling task's current instrumentation context (the usual default argument of
    /// swift-distributed-tracing APIs), an attachment made inside it wins, as in ``current``; otherwise it is the
    /// context stored in it, or ``empty``.
    public static func resolved(from instrumentationContext: InstrumentationContext) -> OTelContext {
        let binding = instrumentationContext[OTelContextKey.self]
        let currentToken = InstrumentationContext.current?[OTelContextKey.self]?.token ?? 0
        if (binding?.token ?? 0) == currentToken,
            let entry = ContextRegistry.shared.innermostOpenEntry(base: currentToken)
        {
            return entry.context.resolvingLiveBaggage
        }
        return binding?.context.resolvingLiveBaggage ?? .empty
    }

    // MARK: - Structured

    /// Runs `body` with `context` current, for the calling thread or task and the child tasks it creates.
    ///
    /// The binding lives in swift-distributed-tracing's `InstrumentationContext.current` (other keys kept), so
    /// code instrumented with swift-distributed-tracing sees it too.
    public static func withValue<Result>(_ context: OTelContext, _ body: () throws -> Result) rethrows -> Result {
        try InstrumentationContext.$current.withValue(binding(context), operation: body)
    }

    /// Runs the async `body` with `context` current, across awaits and in child tasks.
    public static func withValue<Result>(
        _ context: OTelContext,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        try await InstrumentationContext.$current.withValue(binding(context), operation: body, isolation: isolation)
    }

    /// Runs `body` with `span` active, keeping the current baggage.
    public static func withSpan<Result>(_ span: OTelSpan?, _ body: () throws -> Result) rethrows -> Result {
        try InstrumentationContext.$current.withValue(bindingReplacingSpan(span), operation: body)
    }

    /// Runs the async `body` with `span` active, keeping the current baggage.
    public static func withSpan<Result>(
        _ span: OTelSpan?,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        try await InstrumentationContext.$current.withValue(
            bindingReplacingSpan(span),
            operation: body,
            isolation: isolation
        )
    }

    /// Runs `body` with the current context bound structurally, so that child tasks and swift-distributed-tracing
    /// code see an attachment of this thread or task (attachments are not inherited otherwise).
    public static func withActiveContext<Result>(_ body: () throws -> Result) rethrows -> Result {
        guard let entry = winningAttachment() else { return try body() }
        return try withValue(entry.context, body)
    }

    /// Runs the async `body` with the current context bound structurally, so that child tasks and
    /// swift-distributed-tracing code see an attachment of this task.
    public static func withActiveContext<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        guard let entry = winningAttachment() else { return try await body() }
        return try await withValue(entry.context, isolation: isolation, body)
    }

    // MARK: - Imperative

    /// Makes `context` current for the calling thread (outside tasks) or task until the token is detached.
    ///
    /// Attachments are not inherited by child tasks or other threads; wrap such work in
    /// ``withActiveContext(_:)``. Detach in reverse order, on the same thread or task.
    public static func attach(_ context: OTelContext) -> OTelContextToken {
        let base = InstrumentationContext.current?[OTelContextKey.self]?.token ?? 0
        return ContextRegistry.shared.attach(context, base: base)
    }

    /// The token of the attachment that ``current`` returns, or `nil` when the current context comes from a
    /// structured binding (or is empty). Lets a bridge map "what is active" back to the attachment to close.
    public static var currentToken: OTelContextToken? {
        winningAttachment()
    }

    /// How many attached tokens have not been detached, process-wide (a leak detector for tests).
    public static var openScopeCount: Int {
        ContextRegistry.shared.openTokens.load(ordering: .relaxed)
    }

    /// How many detaches were misuse (out of order, twice, from elsewhere), process-wide.
    public static var misuseCount: Int {
        ContextRegistry.shared.misuse.count
    }

    private static func winningAttachment() -> OTelContextToken? {
        let base = InstrumentationContext.current?[OTelContextKey.self]?.token ?? 0
        return ContextRegistry.shared.innermostOpenEntry(base: base)
    }

    /// The current instrumentation context with a new binding: the current OTel context with `span` active.
    private static func bindingReplacingSpan(_ span: OTelSpan?) -> InstrumentationContext {
        // One task-local read serves both the current OTel context and the copy (withSpan is on hot paths).
        var instrumentationContext = InstrumentationContext.current ?? .topLevel
        let outer = instrumentationContext[OTelContextKey.self]
        let current =
            (ContextRegistry.shared.innermostOpenEntry(base: outer?.token ?? 0)?.context ?? outer?.context)?
            .resolvingLiveBaggage ?? .empty
        instrumentationContext[OTelContextKey.self] = ContextBinding(
            context: current.withSpan(span),
            token: ContextBinding.nextToken()
        )
        return instrumentationContext
    }

    private static func binding(_ context: OTelContext) -> InstrumentationContext {
        var instrumentationContext = InstrumentationContext.current ?? .topLevel
        instrumentationContext[OTelContextKey.self] = ContextBinding(
            context: context, token: ContextBinding.nextToken())
        return instrumentationContext
    }
}

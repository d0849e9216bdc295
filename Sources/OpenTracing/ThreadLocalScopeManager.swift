import Synchronization

/// The default scope manager: each thread has its own stack of active scopes.
///
/// Use it for synchronous code, threads and Dispatch queues. ``activate(_:finishOnClose:)`` pushes onto the
/// calling thread's stack; ``active`` is the innermost *open* scope this manager activated on the calling thread.
///
/// Structured activation (``withActiveSpan(_:_:)``, ``withActiveSpan(_:isolation:_:)``) binds the span in a
/// task-local instead, exactly as ``TaskScopeManager`` does, so that `tracer.withActiveSpan("op") { await … }` is
/// correct with this manager too: the span stays active across `await` and reaches child tasks. When both kinds are
/// in play the inner one wins, as described in ``TaskScopeManager`` ("What `active` returns").
///
/// Imperative scopes in async code belong in ``TaskScopeManager``: here, a scope left open across `await` is seen by
/// whichever task runs on the thread next, and is lost when the task resumes on another thread. Both are detected:
/// ``ScopeMisuse/activatedInTask`` when a task activates a scope on top of another task's open scope,
/// ``ScopeMisuse/closedOnOtherThread`` when the task closes it after resuming elsewhere. (Synchronous code that a
/// task runs is fine as long as each scope is closed before the next `await`.)
///
/// Misuse never changes what other code sees as active:
/// - a scope closed out of order stops being active at once; its slot is reclaimed when the scopes above it close
///   (``ScopeMisuse/outOfOrderClose``);
/// - a second close is ignored (``ScopeMisuse/doubleClose``);
/// - a scope closed on another thread stops being active, but only its own thread removes it from its stack
///   (``ScopeMisuse/closedOnOtherThread``).
///
/// All instances share one pthread key; each sees only its own scopes.
///
/// [OpenTracing RFC: ScopeManager](https://github.com/opentracing/specification/blob/master/rfc/scope_manager.md)
public final class ThreadLocalScopeManager: ScopeManager {
    private let id = ScopeManagerIdentity.next()
    private let reporter: ScopeMisuseReporter
    private let openScopes = Atomic<Int>(0)

    /// Creates a scope manager.
    ///
    /// - Parameter misuseHandler: Called on every misuse, on the thread that caused it. Without it, the first
    ///   misuse of each kind is written to standard error as one line.
    public init(misuseHandler: (@Sendable (ScopeMisuseReport) -> Void)? = nil) {
        reporter = ScopeMisuseReporter(managerName: "ThreadLocalScopeManager", handler: misuseHandler)
    }

    public func activate(_ span: any Span, finishOnClose: Bool) -> any Scope {
        let task = withUnsafeCurrentTask { $0?.hashValue }
        // Creating is requested, so a stack is always returned.
        let stack = ScopeStack.currentThread(create: true) ?? ScopeStack(taskHash: nil)
        stack.popClosedTop()
        if let task, let top = stack.innermostOpen(managerID: id, base: nil), let owner = top.activatingTask,
            owner != task
        {
            reporter.report(.activatedInTask, span: top.span)
        }
        let scope = StackedScope(
            span: span,
            finishOnClose: finishOnClose,
            managerID: id,
            base: BoundScope.innermost(managerID: id)?.token ?? 0,
            activatingTask: task,
            stack: stack,
            owner: self
        )
        stack.entries.append(scope)
        openScopes.add(1, ordering: .relaxed)
        return scope
    }

    /// The innermost open scope this manager activated on the calling thread (under the current structured
    /// binding), else the span of the innermost enclosing ``withActiveSpan(_:_:)``, else `nil`.
    public var active: (any Scope)? {
        let binding = BoundScope.innermost(managerID: id)
        guard let stack = ScopeStack.currentThread(create: false), !stack.entries.isEmpty else { return binding }
        stack.popClosedTop()
        return stack.innermostOpen(managerID: id, base: binding?.token ?? 0) ?? binding
    }

    /// Runs `body` with `span` active, also in tasks that `body` creates with `Task {}`; the span is not finished.
    public func withActiveSpan<Result>(_ span: any Span, _ body: () throws -> Result) rethrows -> Result {
        let binding = BoundScope(span: span, managerID: id, next: BoundScope.current, reporter: reporter)
        return try BoundScope.$current.withValue(binding, operation: body)
    }

    /// Runs `body` with `span` active across every `await` and in its child tasks; the span is not finished.
    public func withActiveSpan<Result>(
        _ span: any Span,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        let binding = BoundScope(span: span, managerID: id, next: BoundScope.current, reporter: reporter)
        return try await BoundScope.$current.withValue(binding, operation: body, isolation: isolation)
    }

    /// How many times each kind of misuse happened.
    public func misuseCount(_ kind: ScopeMisuse) -> Int {
        reporter.count(kind)
    }

    /// The number of scopes activated and not yet closed, on all threads (for tests and leak checks).
    public var openScopeCount: Int {
        openScopes.load(ordering: .relaxed)
    }
}

extension ThreadLocalScopeManager: StackedScopeOwner {
    func close(_ scope: StackedScope) {
        guard scope.markClosed() else {
            reporter.report(.doubleClose, span: scope.span)
            return
        }
        openScopes.subtract(1, ordering: .relaxed)
        if ScopeStack.currentThread(create: false) === scope.stack {
            if scope.stack.hasOpenEntry(above: scope) {
                reporter.report(.outOfOrderClose, span: scope.span)
            }
            scope.stack.popClosedTop()
        } else {
            reporter.report(.closedOnOtherThread, span: scope.span)
        }
        if scope.finishOnClose {
            scope.span.finish()
        }
    }
}

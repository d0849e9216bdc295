import Synchronization

/// A scope manager for Swift concurrency: the active span follows `await` and reaches child tasks.
///
/// Swift cannot carry an imperative activation across `await` into child tasks, so there are two ways to activate:
///
/// - **Structured**: ``withActiveSpan(_:_:)`` and ``withActiveSpan(_:isolation:_:)`` bind the span in a task-local
///   for the duration of the closure. It stays active across `await`, on whatever thread the task resumes, and is
///   inherited by `async let`, task group children and `Task {}` (not by `Task.detached`). Prefer this in async code.
/// - **Imperative**: ``activate(_:finishOnClose:)`` pushes a scope onto the stack of the current task (or of the
///   current thread outside any task). It stays active across `await` in the same task, but child tasks do not see it.
///   Close it in the task that activated it.
///
/// ## What `active` returns
///
/// ``active`` is the innermost of the two kinds, in both orders:
/// 1. the innermost open imperative scope of the current task (or thread) that was activated *under the current
///    structured binding*, that is, inside the innermost enclosing `withActiveSpan` of this manager (or outside
///    any, when there is none);
/// 2. else the span of the innermost enclosing `withActiveSpan`, as an ambient scope (closing it is reported as
///    ``ScopeMisuse/closedAmbientScope`` and changes nothing: the binding ends with its closure);
/// 3. else `nil`.
///
/// So `activate` inside `withActiveSpan` wins until its scope is closed, and `withActiveSpan` inside an open scope
/// wins until its closure returns; then the outer one is active again. A scope still open when the enclosing
/// `withActiveSpan` returns becomes invisible (it hides nothing) until the closure that was running when it was
/// activated is current again.
///
/// ## Misuse
///
/// A second close (``ScopeMisuse/doubleClose``) is ignored. An out-of-order close (``ScopeMisuse/outOfOrderClose``)
/// deactivates only that scope. A close in another task or on a thread (``ScopeMisuse/closedInOtherTask``,
/// ``ScopeMisuse/closedOnOtherThread``) deactivates the scope and never disturbs other scopes. None of them traps.
///
/// A task stack retains its task while it holds scopes (so a new task cannot reuse its identity); a scope never
/// closed keeps that memory (about 1.4 KB) alive. ``openScopeCount`` helps tests find such leaks.
///
/// [OpenTracing RFC: ScopeManager](https://github.com/opentracing/specification/blob/master/rfc/scope_manager.md)
public final class TaskScopeManager: ScopeManager {
    private static let shardCount = 16

    private let id = ScopeManagerIdentity.next()
    private let reporter: ScopeMisuseReporter
    private let openScopes = Atomic<Int>(0)
    /// Task stacks holding entries; `active` skips all locking while there are none.
    private let liveTaskStacks = Atomic<Int>(0)
    /// Task stacks by task `hashValue`, spread over shards so that parallel tasks rarely share a lock.
    private let shards: [LockedValue<[Int: ScopeStack]>]

    /// Creates a scope manager.
    ///
    /// - Parameter misuseHandler: Called on every misuse, in the task or thread that caused it. Without it, the
    ///   first misuse of each kind is written to standard error as one line.
    public init(misuseHandler: (@Sendable (ScopeMisuseReport) -> Void)? = nil) {
        reporter = ScopeMisuseReporter(managerName: "TaskScopeManager", handler: misuseHandler)
        shards = (0..<Self.shardCount).map { _ in LockedValue([:]) }
    }

    @inline(__always)
    private func shard(_ taskHash: Int) -> LockedValue<[Int: ScopeStack]> {
        shards[Int(UInt(bitPattern: taskHash) % UInt(Self.shardCount))]
    }

    /// Activates `span` in the current task (or on the current thread outside any task) until the scope is closed.
    ///
    /// The scope survives `await` in the same task; child tasks do not inherit it (wrap them in
    /// ``withActiveSpan(_:isolation:_:)`` to pass a span on).
    public func activate(_ span: any Span, finishOnClose: Bool) -> any Scope {
        let base = BoundScope.innermost(managerID: id)?.token ?? 0
        let inTask: StackedScope? = withUnsafeCurrentTask { task in
            guard let task else { return nil }
            let hash = task.hashValue
            return shard(hash).withLock { stacks in
                let stack: ScopeStack
                if let existing = stacks[hash] {
                    // Distinct live tasks with equal 64-bit hashes are practically impossible; catch them in debug.
                    assert(existing.retainedTask == task, "two live tasks share a hash value")
                    stack = existing
                    stack.popClosedTop()
                } else {
                    stack = ScopeStack(taskHash: hash, retainedTask: task)
                    stacks[hash] = stack
                    liveTaskStacks.add(1, ordering: .relaxed)
                }
                let scope = StackedScope(
                    span: span,
                    finishOnClose: finishOnClose,
                    managerID: id,
                    base: base,
                    stack: stack,
                    owner: self
                )
                stack.entries.append(scope)
                return scope
            }
        }
        openScopes.add(1, ordering: .relaxed)
        if let inTask {
            return inTask
        }
        let stack = ScopeStack.currentThread(create: true) ?? ScopeStack(taskHash: nil)
        stack.popClosedTop()
        let scope = StackedScope(
            span: span,
            finishOnClose: finishOnClose,
            managerID: id,
            base: base,
            stack: stack,
            owner: self
        )
        stack.entries.append(scope)
        return scope
    }

    /// The active scope, as described in ``TaskScopeManager`` ("What `active` returns"): the innermost open
    /// imperative scope of this task or thread activated under the current binding, else the bound span, else `nil`.
    public var active: (any Scope)? {
        let binding = BoundScope.innermost(managerID: id)
        let threadStack = ScopeStack.currentThread(create: false)
        if liveTaskStacks.load(ordering: .relaxed) == 0, threadStack?.entries.isEmpty ?? true {
            return binding
        }
        let token = binding?.token ?? 0
        let imperative: StackedScope? = withUnsafeCurrentTask { task in
            if let task {
                let hash = task.hashValue
                return shard(hash).withLock { $0[hash]?.innermostOpen(managerID: id, base: token) }
            }
            threadStack?.popClosedTop()
            return threadStack?.innermostOpen(managerID: id, base: token)
        }
        return imperative ?? binding
    }

    /// Runs `body` with `span` active, also in tasks that `body` creates with `Task {}`; the span is not finished.
    public func withActiveSpan<Result>(_ span: any Span, _ body: () throws -> Result) rethrows -> Result {
        let binding = BoundScope(span: span, managerID: id, next: BoundScope.current, reporter: reporter)
        return try BoundScope.$current.withValue(binding, operation: body)
    }

    /// Runs `body` with `span` active across every `await` and in its child tasks (`async let`, task groups,
    /// `Task {}`); the span is not finished.
    public func withActiveSpan<Result>(
        _ span: any Span,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        let binding = BoundScope(span: span, managerID: id, next: BoundScope.current, reporter: reporter)
        return try await BoundScope.$current.withValue(binding, operation: body, isolation: isolation)
    }

    /// Runs `body` with the currently active span bound structurally, so that child tasks created in `body`
    /// (`async let`, task groups, `Task {}`) see it too.
    ///
    /// Imperative scopes are not inherited by child tasks; wrap the code that creates them in this call. When the
    /// active span is already structured, or nothing is active, `body` just runs. The span stays active in `body`
    /// even if its scope is closed there.
    public func withInheritableActiveSpan<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        guard let scope = active as? StackedScope else {
            return try await body()
        }
        return try await withActiveSpan(scope.span, isolation: isolation, body)
    }

    /// How many times each kind of misuse happened.
    public func misuseCount(_ kind: ScopeMisuse) -> Int {
        reporter.count(kind)
    }

    /// The number of imperative scopes activated and not yet closed, in all tasks and threads (for tests and
    /// leak checks).
    public var openScopeCount: Int {
        openScopes.load(ordering: .relaxed)
    }

    /// The number of tasks that currently have a scope stack (each retains its task).
    package var liveTaskStackCount: Int {
        liveTaskStacks.load(ordering: .relaxed)
    }
}

extension TaskScopeManager: StackedScopeOwner {
    func close(_ scope: StackedScope) {
        guard scope.markClosed() else {
            reporter.report(.doubleClose, span: scope.span)
            return
        }
        openScopes.subtract(1, ordering: .relaxed)
        let currentTask = withUnsafeCurrentTask { $0?.hashValue }
        let stack = scope.stack
        if let owner = stack.taskHash {
            // Any context may clean a task stack: it is only touched under its shard's lock.
            // The emptied stack's task is released when the discarded tuple element dies, outside the lock.
            let (outOfOrder, _) = shard(owner).withLock { stacks -> (Bool, UnsafeCurrentTask?) in
                let outOfOrder = stack.hasOpenEntry(above: scope)
                stack.popClosedTop()
                guard stack.entries.isEmpty, stacks[owner] === stack else { return (outOfOrder, nil) }
                stacks[owner] = nil
                liveTaskStacks.subtract(1, ordering: .relaxed)
                defer { stack.retainedTask = nil }
                return (outOfOrder, stack.retainedTask)
            }
            if currentTask != owner {
                reporter.report(currentTask == nil ? .closedOnOtherThread : .closedInOtherTask, span: scope.span)
            }
            if outOfOrder {
                reporter.report(.outOfOrderClose, span: scope.span)
            }
        } else if currentTask == nil, ScopeStack.currentThread(create: false) === stack {
            if stack.hasOpenEntry(above: scope) {
                reporter.report(.outOfOrderClose, span: scope.span)
            }
            stack.popClosedTop()
        } else {
            // The owning thread removes the entry when it reaches the top.
            reporter.report(currentTask == nil ? .closedOnOtherThread : .closedInOtherTask, span: scope.span)
        }
        if scope.finishOnClose {
            scope.span.finish()
        }
    }
}

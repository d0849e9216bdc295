/// A way of using a ``Scope`` that breaks the activation rules, detected and reported by
/// ``ThreadLocalScopeManager`` and ``TaskScopeManager``.
///
/// Scope managers never trap on misuse and never let it change what other code sees as active: they count each
/// kind (see ``ThreadLocalScopeManager/misuseCount(_:)``), call the handler given at init, or, without one, write
/// one line to standard error the first time each kind happens.
///
/// [OpenTracing RFC: ScopeManager](https://github.com/opentracing/specification/blob/master/rfc/scope_manager.md)
public enum ScopeMisuse: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// ``Scope/close()`` was called on a scope that was already closed; the call was ignored.
    case doubleClose
    /// A scope was closed while a scope activated after it (by the same manager, in the same thread or task) was
    /// still open. The closed scope stops being active at once; its slot is reclaimed when the inner ones close.
    case outOfOrderClose
    /// A scope activated on one thread was closed on another. The span stops being active; the owning thread
    /// reclaims the slot later, so its stack is never touched from outside.
    case closedOnOtherThread
    /// A scope activated in one task (or on a thread) was closed in another task (or on a thread).
    case closedInOtherTask
    /// ``ThreadLocalScopeManager`` found a scope of one Swift task still open on a thread when another task activated
    /// a scope there: the first task left its scope open across `await`, so other tasks saw its span. Use
    /// ``TaskScopeManager`` in async code. (Scopes that tasks open and close without suspending in between are fine.)
    case activatedInTask
    /// ``Scope/close()`` was called on the scope that ``ScopeManager/active`` returned for a span activated by
    /// ``ScopeManager/withActiveSpan(_:_:)``; such a span stays active until its closure returns.
    case closedAmbientScope

    public var description: String {
        switch self {
        case .doubleClose: "a scope was closed twice"
        case .outOfOrderClose: "a scope was closed before the scopes activated after it"
        case .closedOnOtherThread: "a scope was closed on another thread than the one that activated it"
        case .closedInOtherTask: "a scope was closed in another task than the one that activated it"
        case .activatedInTask:
            "a task left a ThreadLocalScopeManager scope open across await and another task saw it; use TaskScopeManager"
        case .closedAmbientScope: "close() was called on a span activated by withActiveSpan; it ends with the closure"
        }
    }
}

/// A misuse report, as given to the handler of a scope manager.
public struct ScopeMisuseReport: Sendable {
    /// What went wrong.
    public var kind: ScopeMisuse
    /// The span of the scope involved.
    public var span: any Span

    /// Creates a report.
    public init(kind: ScopeMisuse, span: any Span) {
        self.kind = kind
        self.span = span
    }
}

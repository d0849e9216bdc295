import Synchronization

/// A manager that owns ``StackedScope``s and decides what closing one does.
protocol StackedScopeOwner: AnyObject, Sendable {
    func close(_ scope: StackedScope)
}

/// One imperative activation: an entry of a thread's or a task's ``ScopeStack``.
///
/// The open/closed state is atomic, so any thread or task may close a scope; only the stack's owner (or the holder
/// of a task stack's shard lock) removes entries, and removal happens only once an entry is closed.
final class StackedScope: Scope {
    let span: any Span
    let finishOnClose: Bool
    /// The ``ScopeManagerIdentity`` of the manager that activated it; a thread stack holds entries of every manager.
    let managerID: UInt64
    /// The structured binding token in effect at activation (``TaskScopeManager``); `0` when there was none.
    let base: UInt64
    /// The `hashValue` of the task that activated it on a thread stack of ``ThreadLocalScopeManager``, else `nil`.
    let activatingTask: Int?
    let stack: ScopeStack
    private let owner: any StackedScopeOwner
    private let closed = Atomic<Bool>(false)

    init(
        span: any Span,
        finishOnClose: Bool,
        managerID: UInt64,
        base: UInt64,
        activatingTask: Int? = nil,
        stack: ScopeStack,
        owner: any StackedScopeOwner
    ) {
        self.span = span
        self.finishOnClose = finishOnClose
        self.managerID = managerID
        self.base = base
        self.activatingTask = activatingTask
        self.stack = stack
        self.owner = owner
    }

    var isOpen: Bool {
        !closed.load(ordering: .acquiring)
    }

    /// Marks the scope closed; `false` if it already was.
    func markClosed() -> Bool {
        !closed.exchange(true, ordering: .acquiringAndReleasing)
    }

    func close() {
        owner.close(self)
    }
}

/// A unique, never reused identity for a scope manager instance (object addresses are reused after deallocation).
enum ScopeManagerIdentity {
    private static let counter = Atomic<UInt64>(0)

    static func next() -> UInt64 {
        counter.add(1, ordering: .relaxed).newValue
    }
}

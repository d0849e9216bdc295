import Synchronization

/// A span bound by ``TaskScopeManager/withActiveSpan(_:_:)``: a node of the task-local binding list, and the
/// "ambient" ``Scope`` that ``TaskScopeManager/active`` returns for it.
///
/// One task-local holds the bindings of all task scope managers as a list, newest first; a manager reads the first
/// node with its identity. `token` is unique per binding, so imperative scopes can record which binding they were
/// activated under (see ``StackedScope/base``).
final class BoundScope: Scope {
    @TaskLocal static var current: BoundScope?

    private static let tokens = Atomic<UInt64>(0)

    let span: any Span
    let token: UInt64
    let managerID: UInt64
    let next: BoundScope?
    private let reporter: ScopeMisuseReporter

    init(span: any Span, managerID: UInt64, next: BoundScope?, reporter: ScopeMisuseReporter) {
        self.span = span
        self.token = Self.tokens.add(1, ordering: .relaxed).newValue
        self.managerID = managerID
        self.next = next
        self.reporter = reporter
    }

    /// The innermost binding of the manager `managerID` in the current task (or thread), or `nil`.
    @inline(__always)
    static func innermost(managerID: UInt64) -> BoundScope? {
        var node = current
        while let candidate = node {
            if candidate.managerID == managerID { return candidate }
            node = candidate.next
        }
        return nil
    }

    /// The span stays active until its `withActiveSpan` closure returns; closing is misuse and changes nothing.
    func close() {
        reporter.report(.closedAmbientScope, span: span)
    }
}

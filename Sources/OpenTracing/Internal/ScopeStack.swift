#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The imperative activations of one thread (shared by all scope managers, entries tagged by manager) or of one task
/// (per ``TaskScopeManager``).
///
/// A thread stack is only touched by its thread. A task stack is only touched under its shard's lock.
final class ScopeStack: @unchecked Sendable {
    @exclusivity(unchecked) var entries: [StackedScope] = []
    /// The task's `hashValue` for a task stack; `nil` for a thread stack.
    let taskHash: Int?
    /// Keeps the task, and so its address and hash, from being reused while the stack holds entries.
    var retainedTask: UnsafeCurrentTask?

    init(taskHash: Int?, retainedTask: UnsafeCurrentTask? = nil) {
        self.taskHash = taskHash
        self.retainedTask = retainedTask
    }

    /// Removes closed entries from the top; closed entries below an open one stay as tombstones until then.
    @inline(__always)
    func popClosedTop() {
        while let last = entries.last, !last.isOpen {
            entries.removeLast()
        }
    }

    /// The innermost open entry of `managerID` activated under the binding token `base` (under any, for `nil`).
    @inline(__always)
    func innermostOpen(managerID: UInt64, base: UInt64?) -> StackedScope? {
        var index = entries.endIndex
        while index > entries.startIndex {
            index -= 1
            let entry = entries[index]
            if entry.managerID == managerID, base == nil || entry.base == base, entry.isOpen {
                return entry
            }
        }
        return nil
    }

    /// Whether an open entry of the same manager was activated after `scope`.
    func hasOpenEntry(above scope: StackedScope) -> Bool {
        var index = entries.endIndex
        while index > entries.startIndex {
            index -= 1
            let entry = entries[index]
            if entry === scope { return false }
            if entry.managerID == scope.managerID, entry.isOpen { return true }
        }
        return false
    }
}

extension ScopeStack {
    /// The calling thread's stack, created on first use when `create` is `true`.
    ///
    /// Identified through `pthread_getspecific`, never `pthread_self()` (which optimised async code may cache across
    /// `await`; see the design's context.md §1).
    @inline(__always)
    static func currentThread(create: Bool) -> ScopeStack? {
        let key = threadScopeStackKey
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<ScopeStack>.fromOpaque(pointer).takeUnretainedValue()
        }
        guard create else { return nil }
        let stack = ScopeStack(taskHash: nil)
        pthread_setspecific(key, Unmanaged.passRetained(stack).toOpaque())
        return stack
    }
}

/// The one pthread key of the process for thread scope stacks (keys are limited: `PTHREAD_KEYS_MAX`), created on
/// first use. The destructor releases a finished thread's stack.
private let threadScopeStackKey: pthread_key_t = {
    var key = pthread_key_t()
    #if canImport(Darwin)
    let status = pthread_key_create(&key) { pointer in releaseThreadScopeStack(pointer) }
    #else
    let status = pthread_key_create(&key) { pointer in
        guard let pointer else { return }
        releaseThreadScopeStack(pointer)
    }
    #endif
    precondition(status == 0, "pthread_key_create failed (\(status)): the process has no pthread keys left")
    return key
}()

private func releaseThreadScopeStack(_ pointer: UnsafeMutableRawPointer) {
    let stack = Unmanaged<ScopeStack>.fromOpaque(pointer).takeRetainedValue()
    // Entries reference their stack; dropping them breaks the cycle of scopes the thread never closed.
    stack.entries.removeAll()
}

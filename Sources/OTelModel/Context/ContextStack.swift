/// The imperatively attached contexts of one thread or one task, innermost last.
///
/// A thread's stack is touched only by its thread; a task's stack only under its shard's lock. Detached entries
/// that are not on top stay as tombstones until everything above them is detached.
final class ContextStack: @unchecked Sendable {
    var entries: [OTelContextToken] = []
    /// `nil` for a thread's stack.
    let taskHash: Int?
    /// Keeps the task alive while the stack is registered, so its address (and hash) is not reused.
    var retainedTask: UnsafeCurrentTask?

    init(taskHash: Int?) {
        self.taskHash = taskHash
    }

    /// The innermost open entry attached under the binding `base`.
    func innermostOpen(base: UInt64) -> OTelContextToken? {
        var position = entries.endIndex
        while position > entries.startIndex {
            position -= 1
            let entry = entries[position]
            if entry.base == base, entry.isAttached { return entry }
        }
        return nil
    }

    /// Whether an entry attached after `token` is still attached.
    func hasAttachedEntry(above token: OTelContextToken) -> Bool {
        var position = entries.endIndex
        while position > entries.startIndex {
            position -= 1
            let entry = entries[position]
            if entry === token { return false }
            if entry.isAttached { return true }
        }
        return false
    }

    /// Removes detached entries from the top.
    func popDetachedTop() {
        while let last = entries.last, !last.isAttached {
            entries.removeLast()
        }
    }
}

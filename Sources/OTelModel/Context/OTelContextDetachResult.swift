/// What ``OTelContextToken/detach()`` did.
///
/// Every case but ``detached`` is misuse: it is counted in ``OTelContext/misuseCount`` and logged (rate-limited),
/// and it never changes what other code sees as current.
public enum OTelContextDetachResult: Sendable, Hashable {
    /// The token was the innermost attachment of the calling thread or task, and is gone.
    case detached
    /// The token was detached before attachments made after it; it no longer counts, and its entry is removed
    /// once the later ones are detached.
    case detachedOutOfOrder
    /// The token was detached from another thread or task than the one that attached it; it no longer counts.
    case detachedFromAnotherContext
    /// The token had been detached already; nothing changed.
    case alreadyDetached
}

import Synchronization

/// An imperative attachment made by ``OTelContext/attach(_:)``; ``detach()`` ends it.
///
/// Detach tokens in the reverse order of attaching, on the thread or task that attached them. Misuse (out of
/// order, twice, elsewhere) is reported by the result, counted and logged, and never changes what other code
/// sees as current.
public final class OTelContextToken: Sendable {
    /// The attached context.
    public let context: OTelContext
    /// The structured binding's token when this was attached (0 = none).
    let base: UInt64
    let stack: ContextStack
    private let state = Atomic<Bool>(true)

    init(context: OTelContext, base: UInt64, stack: ContextStack) {
        self.context = context
        self.base = base
        self.stack = stack
    }

    /// Whether the token is still attached.
    public var isAttached: Bool { state.load(ordering: .acquiring) }

    /// Ends the attachment; the previously current context becomes current again.
    ///
    /// - Returns: ``OTelContextDetachResult/detached``, or the kind of misuse (which is also counted and logged).
    @discardableResult
    public func detach() -> OTelContextDetachResult {
        guard state.compareExchange(expected: true, desired: false, ordering: .acquiringAndReleasing).exchanged else {
            ContextRegistry.shared.misuse.record()
            return .alreadyDetached
        }
        let result = ContextRegistry.shared.remove(self)
        if result != .detached { ContextRegistry.shared.misuse.record() }
        return result
    }
}

import Instrumentation

extension ContextRegistry {
    /// The binding stored in the calling task's or thread's current `InstrumentationContext`, if any.
    @inline(__always)
    func currentBinding() -> ContextBinding? {
        guard let context = InstrumentationContext.current else { return nil }
        return binding(in: context)
    }

    /// ``currentBinding()`` for a caller that has the calling thread's stack (``threadStack()``) at hand.
    @inline(__always)
    func currentBinding(memo: ContextStack) -> ContextBinding? {
        guard let context = InstrumentationContext.current else { return nil }
        return binding(in: context, memo: memo)
    }

    /// The binding stored in `context`, memoised per thread.
    ///
    /// Finding our key in an `InstrumentationContext` hashes the key and casts the stored existential (about 650
    /// instructions), and every read of the current context needs it. The calling thread keeps the last context it
    /// looked up (a copy: its storage stays alive, and copy-on-write keeps it unchanged) with that context's binding.
    /// A context with the same storage therefore has the same contents and the same binding. The memo holds at most
    /// one context per thread, until the thread looks up another one or exits.
    func binding(in context: InstrumentationContext) -> ContextBinding? {
        // `InstrumentationContext` is one dictionary, one storage reference; with any other layout, look it up.
        binding(in: context, memo: threadStack())
    }

    /// ``binding(in:)`` with the calling thread's stack, which holds the memo.
    func binding(in context: InstrumentationContext, memo: ContextStack) -> ContextBinding? {
        guard MemoryLayout<InstrumentationContext>.size == MemoryLayout<UInt>.size else {
            return context[OTelContextKey.self]
        }
        if let memoised = memo.memoisedContext, Self.storageIdentity(memoised) == Self.storageIdentity(context) {
            return memo.memoisedBinding
        }
        let binding = context[OTelContextKey.self]
        memo.memoisedContext = context
        memo.memoisedBinding = binding
        return binding
    }

    /// The bits of the context's one stored reference: equal for two live contexts exactly when they share storage.
    @inline(__always)
    private static func storageIdentity(_ context: InstrumentationContext) -> UInt {
        withUnsafeBytes(of: context) { $0.load(as: UInt.self) }
    }
}

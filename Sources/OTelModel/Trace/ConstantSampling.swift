/// The decisions of a sampler known in advance: `AlwaysOn`, `AlwaysOff`, or `ParentBased` over them, whose answer
/// depends only on the parent's remote and sampled flags.
///
/// The tracer then skips the sampler call and its result (the built-in samplers add no attributes and keep the
/// parent's trace state). A `ParentBased` delegate that is not constant (a ratio sampler, a custom one) has no
/// entry, and the sampler is asked as usual for spans that delegate decides.
struct ConstantSampling: Sendable {
    private let root: OTelSamplingDecision?
    private let remoteParentSampled: OTelSamplingDecision?
    private let remoteParentNotSampled: OTelSamplingDecision?
    private let localParentSampled: OTelSamplingDecision?
    private let localParentNotSampled: OTelSamplingDecision?

    /// The shortcut for `sampler`, or `nil` when no decision of it is known in advance.
    init?(_ sampler: any OTelSampler) {
        if let decision = Self.constantDecision(of: sampler) {
            root = decision
            remoteParentSampled = decision
            remoteParentNotSampled = decision
            localParentSampled = decision
            localParentNotSampled = decision
            return
        }
        guard let parentBased = sampler as? OTelParentBasedSampler else { return nil }
        root = Self.constantDecision(of: parentBased.root)
        remoteParentSampled = Self.constantDecision(of: parentBased.remoteParentSampled)
        remoteParentNotSampled = Self.constantDecision(of: parentBased.remoteParentNotSampled)
        localParentSampled = Self.constantDecision(of: parentBased.localParentSampled)
        localParentNotSampled = Self.constantDecision(of: parentBased.localParentNotSampled)
        let decisions = [root, remoteParentSampled, remoteParentNotSampled, localParentSampled, localParentNotSampled]
        if decisions.allSatisfy({ $0 == nil }) { return nil }
    }

    /// The decision for a span under `parent` (already checked valid, or `nil`), if known without asking.
    @inline(__always)
    func decision(parent: OTelSpanContext?) -> OTelSamplingDecision? {
        guard let parent else { return root }
        switch (parent.isRemote, parent.isSampled) {
        case (true, true): return remoteParentSampled
        case (true, false): return remoteParentNotSampled
        case (false, true): return localParentSampled
        case (false, false): return localParentNotSampled
        }
    }

    private static func constantDecision(of sampler: any OTelSampler) -> OTelSamplingDecision? {
        if sampler is OTelAlwaysOnSampler { return .recordAndSample }
        if sampler is OTelAlwaysOffSampler { return .drop }
        return nil
    }
}

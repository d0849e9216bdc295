/// Follows the parent's sampling decision, and asks `root` for root spans.
///
/// Defaults per the spec: a sampled parent (remote or local) → always on; an unsampled parent → always off.
///
/// [OpenTelemetry Specification: ParentBased](https://opentelemetry.io/docs/specs/otel/trace/sdk/#parentbased)
public struct OTelParentBasedSampler: OTelSampler {
    /// The sampler for spans without a (valid) parent.
    public let root: any OTelSampler
    /// The sampler for spans whose parent is remote and sampled.
    public let remoteParentSampled: any OTelSampler
    /// The sampler for spans whose parent is remote and not sampled.
    public let remoteParentNotSampled: any OTelSampler
    /// The sampler for spans whose parent is local and sampled.
    public let localParentSampled: any OTelSampler
    /// The sampler for spans whose parent is local and not sampled.
    public let localParentNotSampled: any OTelSampler

    /// Creates the sampler; each delegate defaults to the spec's choice.
    public init(
        root: any OTelSampler,
        remoteParentSampled: any OTelSampler = OTelAlwaysOnSampler(),
        remoteParentNotSampled: any OTelSampler = OTelAlwaysOffSampler(),
        localParentSampled: any OTelSampler = OTelAlwaysOnSampler(),
        localParentNotSampled: any OTelSampler = OTelAlwaysOffSampler()
    ) {
        self.root = root
        self.remoteParentSampled = remoteParentSampled
        self.remoteParentNotSampled = remoteParentNotSampled
        self.localParentSampled = localParentSampled
        self.localParentNotSampled = localParentNotSampled
    }

    /// The decision of the delegate for this parent (``root`` when there is none).
    public func shouldSample(
        parentContext: OTelSpanContext?,
        traceID: TraceID,
        name: String,
        kind: OTelSpanKind,
        attributes: OTelAttributes,
        links: [OTelSpanLink]
    ) -> OTelSamplingResult {
        delegate(for: parentContext).shouldSample(
            parentContext: parentContext,
            traceID: traceID,
            name: name,
            kind: kind,
            attributes: attributes,
            links: links
        )
    }

    /// The delegate that decides for a span with this parent.
    func delegate(for parent: OTelSpanContext?) -> any OTelSampler {
        guard let parent, parent.isValid else { return root }
        switch (parent.isRemote, parent.isSampled) {
        case (true, true): return remoteParentSampled
        case (true, false): return remoteParentNotSampled
        case (false, true): return localParentSampled
        case (false, false): return localParentNotSampled
        }
    }

    /// `ParentBased{root=…,remoteParentSampled=…,…}`.
    public var description: String {
        "ParentBased{root=\(root),remoteParentSampled=\(remoteParentSampled),"
            + "remoteParentNotSampled=\(remoteParentNotSampled),localParentSampled=\(localParentSampled),"
            + "localParentNotSampled=\(localParentNotSampled)}"
    }
}

/// The mutable state of a recording span, guarded by the span's lock.
struct SpanRecord {
    let parentSpanID: SpanID?
    let parentIsRemote: Bool
    let startTime: UInt64

    var name: String
    var kind: OTelSpanKind
    var attributes: OTelAttributes
    var events: [OTelSpanEvent]
    var links: [OTelSpanLink]
    var droppedEventCount: Int
    var droppedLinkCount: Int
    var status: OTelSpanStatus
    /// Set once, by the first `end`; `nil` while the span records.
    var endTime: UInt64?

    var isEnded: Bool { endTime != nil }
}

extension OTelAttributes {
    /// These attributes under `limits`, for a collection that grows later (span attributes).
    func enforcing(_ limits: OTelAttributeLimits) -> OTelAttributes {
        if self.limits == limits { return self }
        var limited = OTelAttributes(limits: limits)
        guard !isEmpty else { return limited }
        limited.reserveCapacity(count)
        limited.merge(self)
        return limited
    }

    /// These attributes under `limits`, for a collection that never changes again (event and link attributes):
    /// returned as they are, without copying, when the limits cannot change them.
    func frozen(under limits: OTelAttributeLimits) -> OTelAttributes {
        if count <= limits.countLimit, limits.valueLengthLimit == nil { return self }
        return enforcing(limits)
    }
}

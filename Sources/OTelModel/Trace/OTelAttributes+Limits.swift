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

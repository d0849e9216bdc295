extension OTelAttributes {
    /// Lends the stored attributes, in insertion order, to `body` without copying the collection or its values.
    ///
    /// Encoders walk every attribute of every span; this keeps that walk free of a call and a value copy per
    /// attribute. The buffer is valid only inside `body`.
    @inlinable
    package func withEntries<Result>(_ body: (UnsafeBufferPointer<Entry>) throws -> Result) rethrows -> Result {
        try entries.withUnsafeBufferPointer(body)
    }

    /// Whether both collections share one storage, which makes them equal; O(1), and `false` says nothing.
    ///
    /// Spans of one tracer provider share its resource's attribute storage, so exporters grouping spans by
    /// resource answer the common case without comparing attribute by attribute.
    package func sharesStorage(with other: OTelAttributes) -> Bool {
        guard count == other.count, droppedCount == other.droppedCount else { return false }
        return entries.withUnsafeBufferPointer { mine in
            other.entries.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
        }
    }
}

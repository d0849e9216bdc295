extension UnsafeBufferPointer {
    /// The address of the element at `position`, so that a large element (a span, an event, a link) is read field
    /// by field in place: passing `buffer[position]` to a function copies the whole element first, retaining every
    /// reference it holds.
    @inline(__always)
    func address(of position: Int) -> UnsafePointer<Element> {
        assert(indices.contains(position), "position out of bounds")
        return baseAddress.unsafelyUnwrapped + position
    }
}

package import OTelModel

extension SpanID: OTLPBytesRepresentable {
    /// The 8 bytes, straight from the inline storage (no copy, no allocation).
    @inline(__always)
    package func withOTLPBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(body)
    }
}

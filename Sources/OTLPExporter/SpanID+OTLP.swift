package import OTelModel

extension SpanID: OTLPBytesRepresentable {
    /// The 8 bytes, straight from the inline storage (no allocation). `Swift.withUnsafeBytes(of:)` is inlined here,
    /// where the model's `withUnsafeBytes` would be an unspecialized generic call per id.
    @inline(__always)
    package func withOTLPBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: bytes, body)
    }
}

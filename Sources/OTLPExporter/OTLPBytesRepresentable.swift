/// A value that can lend its bytes to the protobuf writer without copying them: trace and span ids,
/// byte arrays. The model's id types conform so the encoder writes them straight from their storage.
package protocol OTLPBytesRepresentable {
    func withOTLPBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
}

extension Array: OTLPBytesRepresentable where Element == UInt8 {
    @inline(__always)
    package func withOTLPBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(body)
    }
}

extension ArraySlice: OTLPBytesRepresentable where Element == UInt8 {
    @inline(__always)
    package func withOTLPBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(body)
    }
}

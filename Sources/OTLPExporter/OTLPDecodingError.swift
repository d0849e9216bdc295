/// Why bytes could not be decoded as an OTLP message. Bad input always ends here, never in a crash.
package enum OTLPDecodingError: Error, Equatable, Sendable {
    /// libprotobuf-c rejected the bytes as the named message (truncated, bad wire type, bad varint...).
    case malformed(message: String)
    /// Messages nest deeper than ``OTLPNestingDepthCheck/limit`` (attribute arrays/kvlists inside each other).
    case nestingTooDeep(limit: Int)
    /// A `string` field (declared `bytes` on the C side) is not valid UTF-8.
    case invalidUTF8(field: String)
}

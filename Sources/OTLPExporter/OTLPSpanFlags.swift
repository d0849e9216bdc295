/// Masks of `opentelemetry.proto.trace.v1.SpanFlags` for `Span.flags` and `Span.Link.flags`.
package enum OTLPSpanFlags {
    /// Bits 0–7: the W3C trace flags (0x01 sampled, 0x02 random).
    package static let traceFlagsMask: UInt32 = 0x0000_00FF
    /// Bit 8: whether the parent (or linked) context is remote is known.
    package static let contextHasIsRemoteMask: UInt32 = 0x0000_0100
    /// Bit 9: the parent (or linked) context is remote.
    package static let contextIsRemoteMask: UInt32 = 0x0000_0200

    /// The flags a producer writes: W3C flags, "is-remote known", and the remote bit; bits 10–31 zero.
    @inline(__always)
    package static func make(traceFlags: UInt8, isRemote: Bool) -> UInt32 {
        UInt32(traceFlags) | contextHasIsRemoteMask | (isRemote ? contextIsRemoteMask : 0)
    }
}

/// The trace flags of a span context (`trace-flags` in `traceparent`).
///
/// [W3C Trace Context: trace-flags](https://www.w3.org/TR/trace-context-2/#trace-flags)
public struct OTelTraceFlags: OptionSet, Sendable, Hashable {
    /// The flags byte as sent on the wire.
    public var rawValue: UInt8

    /// Creates flags from the wire byte; bits this version does not define are kept.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The caller may have recorded trace data (`0x01`).
    public static let sampled = OTelTraceFlags(rawValue: 0x01)

    /// The trace id's right-most 7 bytes are random (`0x02`, W3C Trace Context Level 2).
    public static let random = OTelTraceFlags(rawValue: 0x02)
}

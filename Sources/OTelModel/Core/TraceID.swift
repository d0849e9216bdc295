/// A W3C trace id: 16 bytes, stored inline (no heap allocation).
///
/// An all-zero trace id is invalid.
/// [W3C Trace Context: trace-id](https://www.w3.org/TR/trace-context-2/#trace-id)
public struct TraceID: Sendable {
    /// The 16 bytes of a trace id, most significant first.
    public typealias Bytes = (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
    )

    /// The bytes of this trace id, most significant first (network order).
    public var bytes: Bytes

    /// Creates a trace id from its 16 bytes, most significant first.
    public init(bytes: Bytes) {
        self.bytes = bytes
    }

    /// Creates a trace id from two 64-bit halves.
    init(high: UInt64, low: UInt64) {
        bytes = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { buffer in
            buffer.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            buffer.storeBytes(of: low.bigEndian, toByteOffset: 8, as: UInt64.self)
        }
    }

    /// The most significant 8 bytes as an integer.
    var high: UInt64 {
        withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) }
    }

    /// The least significant 8 bytes as an integer (what 64-bit tracers such as OT and B3 carry).
    var low: UInt64 {
        withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// The all-zero, invalid trace id.
    public static let invalid = TraceID(bytes: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// Whether this trace id has at least one non-zero byte.
    public var isValid: Bool {
        high != 0 || low != 0
    }

    /// Parses 32 hex digits, lowercase or uppercase.
    ///
    /// - Returns: `nil` if the string is not exactly 32 hex digits. An all-zero id parses (check ``isValid``).
    public init?(hexString: some StringProtocol) {
        self.init(hexDigits: hexString.utf8, lowercaseOnly: false, allowShorter: false)
    }

    /// Parses hex digits into a trace id.
    ///
    /// - Parameters:
    ///   - lowercaseOnly: reject uppercase digits (W3C).
    ///   - allowShorter: left-pad fewer than 32 digits with zeros (B3 and OT 64-bit ids, Jaeger's unpadded ids).
    init?(hexDigits: some Collection<UInt8>, lowercaseOnly: Bool, allowShorter: Bool) {
        var id = TraceID.invalid
        let parsed = withUnsafeMutableBytes(of: &id.bytes) { buffer in
            Hex.decode(hexDigits, into: buffer, lowercaseOnly: lowercaseOnly, allowShorter: allowShorter)
        }
        guard parsed else { return nil }
        self = id
    }

    /// The 32 lowercase hex digits of this trace id.
    public var hexString: String {
        withUnsafeBytes { Hex.encode($0) }
    }

    /// Calls `body` with the 16 bytes of this trace id, most significant first.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: bytes, body)
    }

    /// A random, valid trace id.
    ///
    /// - Parameter generator: the source of randomness; an all-zero draw is replaced by another draw.
    public static func random(using generator: inout some RandomNumberGenerator) -> TraceID {
        while true {
            let high = generator.next() as UInt64
            let low = generator.next() as UInt64
            if high != 0 || low != 0 { return TraceID(high: high, low: low) }
        }
    }
}

extension TraceID: Hashable {
    public static func == (lhs: TraceID, rhs: TraceID) -> Bool {
        lhs.high == rhs.high && lhs.low == rhs.low
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
    }
}

extension TraceID: CustomStringConvertible {
    /// The 32 lowercase hex digits.
    public var description: String { hexString }
}

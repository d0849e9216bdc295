/// A W3C span id (`parent-id` in `traceparent`): 8 bytes, stored inline (no heap allocation).
///
/// An all-zero span id is invalid.
/// [W3C Trace Context: parent-id](https://www.w3.org/TR/trace-context-2/#parent-id)
public struct SpanID: Sendable {
    /// The 8 bytes of a span id, most significant first.
    public typealias Bytes = (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)

    /// The bytes of this span id, most significant first (network order).
    public var bytes: Bytes

    /// Creates a span id from its 8 bytes, most significant first.
    public init(bytes: Bytes) {
        self.bytes = bytes
    }

    /// Creates a span id from an integer (big-endian bytes).
    init(value: UInt64) {
        bytes = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { buffer in
            buffer.storeBytes(of: value.bigEndian, as: UInt64.self)
        }
    }

    /// The 8 bytes as an integer.
    var value: UInt64 {
        withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)) }
    }

    /// The all-zero, invalid span id.
    public static let invalid = SpanID(bytes: (0, 0, 0, 0, 0, 0, 0, 0))

    /// Whether this span id has at least one non-zero byte.
    public var isValid: Bool {
        value != 0
    }

    /// Parses 16 hex digits, lowercase or uppercase.
    ///
    /// - Returns: `nil` if the string is not exactly 16 hex digits. An all-zero id parses (check ``isValid``).
    public init?(hexString: some StringProtocol) {
        self.init(hexDigits: hexString.utf8, lowercaseOnly: false, allowShorter: false)
    }

    /// Parses hex digits into a span id.
    ///
    /// - Parameters:
    ///   - lowercaseOnly: reject uppercase digits (W3C).
    ///   - allowShorter: left-pad fewer than 16 digits with zeros (Jaeger's unpadded ids).
    init?(hexDigits: some Collection<UInt8>, lowercaseOnly: Bool, allowShorter: Bool) {
        var id = SpanID.invalid
        let parsed = withUnsafeMutableBytes(of: &id.bytes) { buffer in
            Hex.decode(hexDigits, into: buffer, lowercaseOnly: lowercaseOnly, allowShorter: allowShorter)
        }
        guard parsed else { return nil }
        self = id
    }

    /// The 16 lowercase hex digits of this span id.
    public var hexString: String {
        withUnsafeBytes { Hex.encode($0) }
    }

    /// Calls `body` with the 8 bytes of this span id, most significant first.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: bytes, body)
    }

    /// A random, valid span id.
    ///
    /// - Parameter generator: the source of randomness; an all-zero draw is replaced by another draw.
    public static func random(using generator: inout some RandomNumberGenerator) -> SpanID {
        while true {
            let value = generator.next() as UInt64
            if value != 0 { return SpanID(value: value) }
        }
    }
}

extension SpanID: Hashable {
    public static func == (lhs: SpanID, rhs: SpanID) -> Bool {
        lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}

extension SpanID: CustomStringConvertible {
    /// The 16 lowercase hex digits.
    public var description: String { hexString }
}

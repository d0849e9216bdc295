/// A propagation format: how a span context is encoded into a carrier.
///
/// [OpenTracing specification: Required Formats](https://github.com/opentracing/specification/blob/master/specification.md#note-required-formats-for-injection-and-extraction)
public struct Format: Sendable, Hashable, CustomStringConvertible {
    /// The format's name, as used in error messages.
    public let name: String

    /// Creates a format; tracers may define formats of their own.
    public init(name: String) {
        self.name = name
    }

    /// String key/value pairs with no restrictions on the characters; carrier: ``TextMapWriter`` /
    /// ``TextMapReader``.
    public static let textMap = Format(name: "text_map")

    /// String key/value pairs that must survive as HTTP headers (keys are case-insensitive, values
    /// header-safe); carrier: ``TextMapWriter`` / ``TextMapReader``.
    public static let httpHeaders = Format(name: "http_headers")

    /// An opaque byte sequence; carrier: ``BinaryCarrier``.
    public static let binary = Format(name: "binary")

    public var description: String { name }
}

/// A carrier that receives key/value pairs when a span context is injected in ``Format/textMap`` or
/// ``Format/httpHeaders``.
public protocol TextMapWriter {
    /// Stores `value` under `key`, replacing any earlier value for it.
    mutating func set(_ value: String, forKey key: String)
}

/// A carrier that supplies key/value pairs when a span context is extracted from ``Format/textMap`` or
/// ``Format/httpHeaders``.
public protocol TextMapReader {
    /// Calls `body` with every key/value pair in the carrier.
    func forEachKeyValue(_ body: (_ key: String, _ value: String) throws -> Void) rethrows
}

extension Dictionary: TextMapWriter where Key == String, Value == String {
    public mutating func set(_ value: String, forKey key: String) {
        self[key] = value
    }
}

extension Dictionary: TextMapReader where Key == String, Value == String {
    public func forEachKeyValue(_ body: (_ key: String, _ value: String) throws -> Void) rethrows {
        for (key, value) in self {
            try body(key, value)
        }
    }
}

/// The carrier of ``Format/binary``: an opaque byte sequence.
public struct BinaryCarrier: Sendable, Hashable {
    /// The encoded span context; empty when nothing was injected.
    public var bytes: [UInt8]

    /// Creates a carrier, empty for injection or holding received bytes for extraction.
    public init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }
}

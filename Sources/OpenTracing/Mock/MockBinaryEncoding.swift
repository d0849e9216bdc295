/// ``MockTracer``'s binary propagation layout, version 1 (all integers big-endian):
///
/// | bytes | content |
/// |---|---|
/// | 1 | version: `1` |
/// | 8 | trace id (non-zero) |
/// | 8 | span id (non-zero) |
/// | 1 | flags: bit 0 = sampled; other bits are reserved and ignored |
/// | 4 | number of baggage items |
/// | per item | 4-byte key length, key (UTF-8), 4-byte value length, value (UTF-8) |
///
/// Decoding checks every length against the remaining bytes and rejects trailing bytes.
public enum MockBinaryEncoding {
    /// The layout version written and understood.
    public static let version: UInt8 = 1

    static func encode(_ context: MockSpanContext) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(22 + context.baggage.reduce(0) { $0 + 8 + $1.key.utf8.count + $1.value.utf8.count })
        bytes.append(version)
        appendBigEndian(context.traceIDValue, to: &bytes)
        appendBigEndian(context.spanIDValue, to: &bytes)
        bytes.append(context.isSampled ? 1 : 0)
        appendBigEndian(UInt32(truncatingIfNeeded: context.baggage.count), to: &bytes)
        for (key, value) in context.baggage {
            appendBigEndian(UInt32(truncatingIfNeeded: key.utf8.count), to: &bytes)
            bytes.append(contentsOf: key.utf8)
            appendBigEndian(UInt32(truncatingIfNeeded: value.utf8.count), to: &bytes)
            bytes.append(contentsOf: value.utf8)
        }
        return bytes
    }

    /// `nil` for no bytes; throws ``OpenTracingError/spanContextCorrupted(_:)`` for anything not in the layout.
    static func decode(_ bytes: [UInt8]) throws -> MockSpanContext? {
        guard !bytes.isEmpty else { return nil }
        var reader = Reader(bytes: bytes)
        let version = try reader.readByte()
        guard version == Self.version else {
            throw OpenTracingError.spanContextCorrupted("binary layout version \(version), expected \(Self.version)")
        }
        let traceID: UInt64 = try reader.readBigEndian()
        let spanID: UInt64 = try reader.readBigEndian()
        guard traceID != 0, spanID != 0 else {
            throw OpenTracingError.spanContextCorrupted("zero trace or span id")
        }
        let flags = try reader.readByte()
        let count: UInt32 = try reader.readBigEndian()
        // Each item needs at least 8 bytes, which bounds the count before anything is reserved.
        guard Int(count) <= reader.remaining / 8 else {
            throw OpenTracingError.spanContextCorrupted("\(count) baggage items do not fit in \(reader.remaining) bytes")
        }
        var baggage: [String: String] = [:]
        baggage.reserveCapacity(Int(count))
        for _ in 0..<count {
            let key = try reader.readString()
            let value = try reader.readString()
            baggage[key] = value
        }
        guard reader.remaining == 0 else {
            throw OpenTracingError.spanContextCorrupted("\(reader.remaining) unexpected bytes after the span context")
        }
        return MockSpanContext(traceIDValue: traceID, spanIDValue: spanID, baggage: baggage, isSampled: flags & 1 != 0)
    }

    private static func appendBigEndian<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        var bigEndian = value.bigEndian
        withUnsafeBytes(of: &bigEndian) { bytes.append(contentsOf: $0) }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var remaining: Int { bytes.count - offset }

        mutating func readByte() throws -> UInt8 {
            guard remaining >= 1 else { throw truncated() }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func readBigEndian<Integer: FixedWidthInteger>() throws -> Integer {
            let size = MemoryLayout<Integer>.size
            guard remaining >= size else { throw truncated() }
            var value: Integer = 0
            for byte in bytes[offset..<offset + size] {
                value = value << 8 | Integer(byte)
            }
            offset += size
            return value
        }

        mutating func readString() throws -> String {
            let length: UInt32 = try readBigEndian()
            guard Int(length) <= remaining else { throw truncated() }
            let slice = bytes[offset..<offset + Int(length)]
            offset += Int(length)
            guard let string = String(validating: slice, as: UTF8.self) else {
                throw OpenTracingError.spanContextCorrupted("baggage is not UTF-8")
            }
            return string
        }

        private func truncated() -> OpenTracingError {
            .spanContextCorrupted("binary span context truncated at byte \(offset) of \(bytes.count)")
        }
    }
}

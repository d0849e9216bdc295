import OTelModel

/// A bounds-checked cursor over untrusted bytes: every read checks the remaining length first.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - position }

    private func require(_ count: Int, _ field: String) throws {
        guard remaining >= count else {
            throw BinarySpanContextFormat.corrupted(
                "truncated at byte \(position): \(field) needs \(count) byte(s), \(remaining) left"
            )
        }
    }

    mutating func readByte(_ field: String) throws -> UInt8 {
        try require(1, field)
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readUInt16(_ field: String) throws -> UInt16 {
        try require(2, field)
        defer { position += 2 }
        return UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
    }

    mutating func readString(_ field: String) throws -> String {
        let count = Int(try readUInt16("length of \(field)"))
        try require(count, field)
        let slice = bytes[position..<position + count]
        position += count
        guard let string = String(validating: slice, as: UTF8.self) else {
            throw BinarySpanContextFormat.corrupted("\(field) is not valid UTF-8")
        }
        return string
    }

    mutating func readTraceIDBytes() throws -> TraceID.Bytes {
        try require(16, "trace id")
        let b = bytes
        let p = position
        position += 16
        return (
            b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4], b[p + 5], b[p + 6], b[p + 7],
            b[p + 8], b[p + 9], b[p + 10], b[p + 11], b[p + 12], b[p + 13], b[p + 14], b[p + 15]
        )
    }

    mutating func readSpanIDBytes() throws -> SpanID.Bytes {
        try require(8, "span id")
        let b = bytes
        let p = position
        position += 8
        return (b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4], b[p + 5], b[p + 6], b[p + 7])
    }
}

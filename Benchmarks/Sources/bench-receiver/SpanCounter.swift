/// Counts the spans of an OTLP `ExportTraceServiceRequest` without decoding them: it walks only the three levels of
/// length-delimited fields (`resource_spans` = 1 → `scope_spans` = 2 → `spans` = 2) and skips everything else.
enum SpanCounter {
    /// The number of spans, or `nil` when the bytes are not a well-formed request.
    static func countSpans(in bytes: UnsafeRawBufferPointer) -> Int? {
        var total = 0
        let ok = forEachLengthDelimited(bytes, field: 1) { resourceSpans in
            forEachLengthDelimited(resourceSpans, field: 2) { scopeSpans in
                forEachLengthDelimited(scopeSpans, field: 2) { _ in
                    total += 1
                    return true
                }
            }
        }
        return ok ? total : nil
    }

    /// Calls `body` with the payload of every length-delimited `field` in `bytes`; `false` on malformed input.
    private static func forEachLengthDelimited(
        _ bytes: UnsafeRawBufferPointer,
        field: UInt64,
        _ body: (UnsafeRawBufferPointer) -> Bool
    ) -> Bool {
        var position = 0
        while position < bytes.count {
            guard let key = readVarint(bytes, &position) else { return false }
            switch key & 7 {
            case 0:
                guard readVarint(bytes, &position) != nil else { return false }
            case 1:
                position += 8
            case 5:
                position += 4
            case 2:
                guard let length = readVarint(bytes, &position), length <= UInt64(bytes.count - position) else {
                    return false
                }
                let end = position + Int(length)
                if key >> 3 == field {
                    guard body(UnsafeRawBufferPointer(rebasing: bytes[position..<end])) else { return false }
                }
                position = end
            default:
                return false
            }
        }
        return position == bytes.count
    }

    private static func readVarint(_ bytes: UnsafeRawBufferPointer, _ position: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }
}

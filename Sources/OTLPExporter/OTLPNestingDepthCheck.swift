/// Rejects OTLP messages nested deeper than ``limit`` before libprotobuf-c sees them.
///
/// libprotobuf-c unpacks nested messages recursively without a depth limit, and AnyValue can nest
/// without bound (arrays and key/value lists inside each other), so a few megabytes of crafted
/// input would overflow the stack. This scan walks the wire format with the schema's message
/// fields only, touching each byte once, and stops at anything malformed (libprotobuf-c then
/// rejects it with a proper error).
package enum OTLPNestingDepthCheck {
    /// Maximum message nesting, as in the official protobuf runtimes' default recursion limit.
    package static let limit = 100

    /// The schema's messages, as far as their message-typed fields are concerned.
    package enum Message {
        case exportTraceServiceRequest, resourceSpans, resource, scopeSpans, instrumentationScope
        case span, event, link, keyValue, anyValue, arrayValue, keyValueList, leaf

        /// The message type of field `field`, or `nil` when it is not a message field.
        fileprivate func child(_ field: UInt64) -> Message? {
            switch (self, field) {
            case (.exportTraceServiceRequest, 1): .resourceSpans
            case (.resourceSpans, 1): .resource
            case (.resourceSpans, 2): .scopeSpans
            case (.resource, 1): .keyValue
            case (.resource, 3): .leaf
            case (.scopeSpans, 1): .instrumentationScope
            case (.scopeSpans, 2): .span
            case (.instrumentationScope, 3): .keyValue
            case (.span, 9): .keyValue
            case (.span, 11): .event
            case (.span, 13): .link
            case (.span, 15): .leaf
            case (.event, 3): .keyValue
            case (.link, 4): .keyValue
            case (.keyValue, 2): .anyValue
            case (.anyValue, 5): .arrayValue
            case (.anyValue, 6): .keyValueList
            case (.arrayValue, 1): .anyValue
            case (.keyValueList, 1): .keyValue
            default: nil
            }
        }
    }

    /// Throws ``OTLPDecodingError/nestingTooDeep(limit:)`` when `bytes`, read as `message`, nests
    /// messages deeper than ``limit``.
    package static func check(_ bytes: UnsafeRawBufferPointer, as message: Message) throws(OTLPDecodingError) {
        guard let base = bytes.baseAddress else { return }
        try scan(base, bytes.count, message, depth: 1)
    }

    private static func scan(
        _ base: UnsafeRawPointer,
        _ count: Int,
        _ message: Message,
        depth: Int
    ) throws(OTLPDecodingError) {
        if depth > limit {
            throw .nestingTooDeep(limit: limit)
        }
        if message == .leaf {
            return
        }
        var offset = 0
        while offset < count {
            guard let tag = readVarint(base, count, &offset) else { return }
            switch tag & 7 {
            case 0:
                guard readVarint(base, count, &offset) != nil else { return }
            case 1:
                offset += 8
            case 5:
                offset += 4
            case 2:
                guard let length = readVarint(base, count, &offset), length <= UInt64(count - offset) else { return }
                let end = offset + Int(length)
                if let child = message.child(tag >> 3) {
                    try scan(base + offset, end - offset, child, depth: depth + 1)
                }
                offset = end
            default:
                return  // groups and invalid wire types: malformed for libprotobuf-c too
            }
        }
    }

    private static func readVarint(_ base: UnsafeRawPointer, _ count: Int, _ offset: inout Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count, shift < 64 {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                return result
            }
            shift += 7
        }
        return nil
    }
}

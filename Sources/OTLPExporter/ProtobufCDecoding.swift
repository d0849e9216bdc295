internal import COTLP

/// Helpers that copy libprotobuf-c's unpacked messages into Swift values. The C side declares the
/// schema's strings as `bytes` (see proto/README.md), so a string keeps its length and any U+0000;
/// here it must be valid UTF-8, as proto3 requires of `string` fields.
enum ProtobufCDecoding {
    /// Unpacks `bytes` with libprotobuf-c, converts the result, and frees the C memory whatever happens.
    static func decode<Message, Result>(
        _ bytes: UnsafeRawBufferPointer,
        messageName: String,
        nesting: OTLPNestingDepthCheck.Message,
        unpack: (Int, UnsafePointer<UInt8>) -> UnsafeMutablePointer<Message>?,
        free: (UnsafeMutablePointer<Message>) -> Void,
        convert: (borrowing Message) throws(OTLPDecodingError) -> Result
    ) throws(OTLPDecodingError) -> Result {
        try OTLPNestingDepthCheck.check(bytes, as: nesting)
        var emptyInput: UInt8 = 0
        let unpacked: UnsafeMutablePointer<Message>? =
            if let base = bytes.baseAddress, !bytes.isEmpty {
                unpack(bytes.count, base.assumingMemoryBound(to: UInt8.self))
            } else {
                // protobuf-c wants a valid pointer even for zero bytes (the empty message).
                withUnsafePointer(to: &emptyInput) { unpack(0, $0) }
            }
        guard let unpacked else {
            throw .malformed(message: messageName)
        }
        defer { free(unpacked) }
        return try convert(unpacked.pointee)
    }

    static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
        guard data.len > 0, let pointer = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: data.len))
    }

    static func string(_ data: ProtobufCBinaryData, field: StaticString) throws(OTLPDecodingError) -> String {
        guard data.len > 0, let pointer = data.data else { return "" }
        guard let string = String(validating: UnsafeBufferPointer(start: pointer, count: data.len), as: UTF8.self) else {
            throw .invalidUTF8(field: "\(field)")
        }
        return string
    }

    static func strings(
        _ count: Int,
        _ items: UnsafeMutablePointer<ProtobufCBinaryData>?,
        field: StaticString
    ) throws(OTLPDecodingError) -> [String] {
        guard count > 0, let items else { return [] }
        var result: [String] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            result.append(try string(items[index], field: field))
        }
        return result
    }

    /// Converts a repeated message field (`n_x`, `x`) in order.
    static func repeated<Element, Result>(
        _ count: Int,
        _ items: UnsafeMutablePointer<UnsafeMutablePointer<Element>?>?,
        _ convert: (borrowing Element) throws(OTLPDecodingError) -> Result
    ) throws(OTLPDecodingError) -> [Result] {
        guard count > 0, let items else { return [] }
        var result: [Result] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            if let item = items[index] {
                result.append(try convert(item.pointee))
            }
        }
        return result
    }

    // MARK: - Common

    static func keyValues(
        _ count: Int,
        _ items: UnsafeMutablePointer<UnsafeMutablePointer<Opentelemetry__Proto__Common__V1__KeyValue>?>?
    ) throws(OTLPDecodingError) -> [OTLPKeyValue] {
        try repeated(count, items) { (pair) throws(OTLPDecodingError) in
            OTLPKeyValue(
                key: try string(pair.key, field: "KeyValue.key"),
                value: try pair.value.map { (value) throws(OTLPDecodingError) in try anyValue(value.pointee) } ?? .empty
            )
        }
    }

    static func anyValue(_ value: borrowing Opentelemetry__Proto__Common__V1__AnyValue) throws(OTLPDecodingError) -> OTLPAnyValue {
        switch value.value_case {
        case OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_STRING_VALUE:
            return .string(try string(value.string_value, field: "AnyValue.string_value"))
        case OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_BOOL_VALUE:
            return .bool(value.bool_value != 0)
        case OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_INT_VALUE:
            return .int(value.int_value)
        case OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_DOUBLE_VALUE:
            return .double(value.double_value)
        case OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_ARRAY_VALUE:
            guard let array = value.array_value else { return .array([]) }
            return .array(try repeated(array.pointee.n_values, array.pointee.values) { (element) throws(OTLPDecodingError) in try anyValue(element) })
        case OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_KVLIST_VALUE:
            guard let list = value.kvlist_value else { return .keyValueList([]) }
            return .keyValueList(try keyValues(list.pointee.n_values, list.pointee.values))
        case OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_BYTES_VALUE:
            return .bytes(bytes(value.bytes_value))
        case OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_STRING_VALUE_STRINDEX:
            return .stringIndex(value.string_value_strindex)
        default:
            return .empty
        }
    }
}

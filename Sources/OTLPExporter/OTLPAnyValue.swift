/// `opentelemetry.proto.common.v1.AnyValue`: an attribute value as it travels in OTLP.
///
/// Equality compares doubles by bit pattern, so `-0.0 != 0.0` and a NaN equals the same NaN:
/// a decoded value equals the encoded one only if the wire kept it exactly.
package enum OTLPAnyValue: Sendable {
    /// No member of the oneof is set.
    case empty
    case string(String)
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case array([OTLPAnyValue])
    case keyValueList([OTLPKeyValue])
    case bytes([UInt8])
    /// `string_value_strindex`, used by the profiles signal only.
    case stringIndex(Int32)
}

extension OTLPAnyValue: Equatable {
    package static func == (lhs: OTLPAnyValue, rhs: OTLPAnyValue) -> Bool {
        switch (lhs, rhs) {
        case (.empty, .empty): true
        case let (.string(a), .string(b)): a.utf8.elementsEqual(b.utf8)
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a.bitPattern == b.bitPattern
        case let (.array(a), .array(b)): a == b
        case let (.keyValueList(a), .keyValueList(b)): a == b
        case let (.bytes(a), .bytes(b)): a == b
        case let (.stringIndex(a), .stringIndex(b)): a == b
        default: false
        }
    }
}

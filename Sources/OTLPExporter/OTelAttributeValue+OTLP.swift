package import OTelModel

extension OTelAttributeValue: OTLPAnyValueEncodable {
    /// One oneof member: a primitive, or an `array_value` of primitives.
    @inline(__always)
    package func writeAnyValueMember(into writer: inout ProtobufReverseWriter) {
        switch self {
        case .string(let value): value.writeAnyValueMember(into: &writer)
        case .bool(let value): value.writeAnyValueMember(into: &writer)
        case .int(let value): value.writeAnyValueMember(into: &writer)
        case .double(let value): value.writeAnyValueMember(into: &writer)
        case .stringArray(let values): writer.writeAnyValueArray(values)
        case .boolArray(let values): writer.writeAnyValueArray(values)
        case .intArray(let values): writer.writeAnyValueArray(values)
        case .doubleArray(let values): writer.writeAnyValueArray(values)
        }
    }

    package func writeAnyValueMember(into writer: inout OTLPJSONWriter) {
        switch self {
        case .string(let value): value.writeAnyValueMember(into: &writer)
        case .bool(let value): value.writeAnyValueMember(into: &writer)
        case .int(let value): value.writeAnyValueMember(into: &writer)
        case .double(let value): value.writeAnyValueMember(into: &writer)
        case .stringArray(let values): writer.writeAnyValueArray(values)
        case .boolArray(let values): writer.writeAnyValueArray(values)
        case .intArray(let values): writer.writeAnyValueArray(values)
        case .doubleArray(let values): writer.writeAnyValueArray(values)
        }
    }
}

extension OTelAttributeValue {
    /// Equality as the wire sees it: doubles by bit pattern, so a NaN attribute equals itself.
    @inline(__always)
    func isIdenticalOnTheWire(to other: OTelAttributeValue) -> Bool {
        switch (self, other) {
        case (.double(let a), .double(let b)): a.bitPattern == b.bitPattern
        case (.doubleArray(let a), .doubleArray(let b)): a.elementsEqual(b) { $0.bitPattern == $1.bitPattern }
        default: self == other
        }
    }
}

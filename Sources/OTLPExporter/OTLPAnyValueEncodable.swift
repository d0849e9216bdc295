/// A value the encoders can write as an `opentelemetry.proto.common.v1.AnyValue`, in protobuf and
/// in OTLP/JSON.
///
/// The model's attribute value type conforms by writing its one oneof member with the
/// `writeAnyValue…` functions of ``ProtobufReverseWriter`` and ``OTLPJSONWriter``; `String`, `Bool`,
/// `Int`, `Int64`, `Double`, ``OTLPAnyValue`` and arrays of them conform here.
package protocol OTLPAnyValueEncodable {
    /// Writes the body of an AnyValue message: exactly one oneof member, even at its default value
    /// (`""`, `false`, `0`, `-0.0`), because an omitted member would lose the value's type.
    func writeAnyValueMember(into writer: inout ProtobufReverseWriter)

    /// Writes the members of the AnyValue JSON object (`"stringValue":"…"`, `"intValue":"7"`, …);
    /// the object's braces are the caller's.
    func writeAnyValueMember(into writer: inout OTLPJSONWriter)
}

extension String: OTLPAnyValueEncodable {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout ProtobufReverseWriter) {
        writer.writeStringField(OTLPField.AnyValue.stringValue, self)
    }
}

extension Bool: OTLPAnyValueEncodable {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout ProtobufReverseWriter) {
        writer.writeBoolField(OTLPField.AnyValue.boolValue, self)
    }
}

extension Int64: OTLPAnyValueEncodable {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout ProtobufReverseWriter) {
        writer.writeInt64Field(OTLPField.AnyValue.intValue, self)
    }
}

extension Int: OTLPAnyValueEncodable {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout ProtobufReverseWriter) {
        writer.writeInt64Field(OTLPField.AnyValue.intValue, Int64(self))
    }
}

extension Double: OTLPAnyValueEncodable {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout ProtobufReverseWriter) {
        writer.writeDoubleField(OTLPField.AnyValue.doubleValue, self)
    }
}

extension Array: OTLPAnyValueEncodable where Element: OTLPAnyValueEncodable {
    /// An `array_value` holding the elements in order.
    @inline(__always)
    package func writeAnyValueMember(into writer: inout ProtobufReverseWriter) {
        writer.writeAnyValueArray(self)
    }
}

extension OTLPAnyValue: OTLPAnyValueEncodable {
    package func writeAnyValueMember(into writer: inout ProtobufReverseWriter) {
        switch self {
        case .empty:
            break
        case .string(let value):
            value.writeAnyValueMember(into: &writer)
        case .bool(let value):
            value.writeAnyValueMember(into: &writer)
        case .int(let value):
            value.writeAnyValueMember(into: &writer)
        case .double(let value):
            value.writeAnyValueMember(into: &writer)
        case .array(let values):
            writer.writeAnyValueArray(values)
        case .keyValueList(let pairs):
            writer.writeMessage(field: OTLPField.AnyValue.kvlistValue) { list in
                for pair in pairs.reversed() {
                    list.writeKeyValue(field: OTLPField.KeyValueList.values, key: pair.key, value: pair.value)
                }
            }
        case .bytes(let value):
            writer.writeBytesField(OTLPField.AnyValue.bytesValue, value)
        case .stringIndex(let index):
            writer.writeInt32Field(OTLPField.AnyValue.stringValueStrindex, index)
        }
    }
}

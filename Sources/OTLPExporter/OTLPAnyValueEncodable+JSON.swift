extension String {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout OTLPJSONWriter) {
        writer.key("stringValue")
        writer.string(self)
    }
}

extension Bool {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout OTLPJSONWriter) {
        writer.key("boolValue")
        writer.bool(self)
    }
}

extension Int64 {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout OTLPJSONWriter) {
        writer.key("intValue")
        writer.quotedNumber(self)
    }
}

extension Int {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout OTLPJSONWriter) {
        Int64(self).writeAnyValueMember(into: &writer)
    }
}

extension Double {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout OTLPJSONWriter) {
        writer.key("doubleValue")
        writer.double(self)
    }
}

extension Array where Element: OTLPAnyValueEncodable {
    @inline(__always)
    package func writeAnyValueMember(into writer: inout OTLPJSONWriter) {
        writer.writeAnyValueArray(self)
    }
}

extension OTLPAnyValue {
    package func writeAnyValueMember(into writer: inout OTLPJSONWriter) {
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
            writer.writeAnyValueKeyValueList { list in
                for pair in pairs {
                    list.writeKeyValue(key: pair.key, value: pair.value)
                }
            }
        case .bytes(let value):
            writer.key("bytesValue")
            writer.base64(value)
        case .stringIndex(let index):
            writer.key("stringValueStrindex")
            writer.number(index)
        }
    }
}

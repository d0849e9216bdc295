public import OTelModel
public import Tracing

extension SpanAttribute {
    /// The OpenTelemetry value of this attribute.
    ///
    /// Integers of both widths become 64-bit integers (arrays too); a `stringConvertible` value becomes its
    /// `description`, and an array of them an array of descriptions, as OpenTelemetry has no other way to carry
    /// them. `nil` only for a case this library does not know (a future swift-distributed-tracing case).
    public var otelAttributeValue: OTelAttributeValue? {
        switch self {
        case .string(let value): .string(value)
        case .int64(let value): .int(value)
        case .int32(let value): .int(Int64(value))
        case .double(let value): .double(value)
        case .bool(let value): .bool(value)
        case .stringArray(let values): .stringArray(values)
        case .int64Array(let values): .intArray(values)
        case .int32Array(let values): .intArray(values.map(Int64.init))
        case .doubleArray(let values): .doubleArray(values)
        case .boolArray(let values): .boolArray(values)
        case .stringConvertible(let value): .string(value.description)
        case .stringConvertibleArray(let values): .stringArray(values.map(\.description))
        default: nil
        }
    }
}

extension OTelAttributeValue {
    /// The swift-distributed-tracing value of this attribute (64-bit integers stay 64-bit).
    public var spanAttribute: SpanAttribute {
        switch self {
        case .string(let value): .string(value)
        case .bool(let value): .bool(value)
        case .int(let value): .int64(value)
        case .double(let value): .double(value)
        case .stringArray(let values): .stringArray(values)
        case .boolArray(let values): .boolArray(values)
        case .intArray(let values): .int64Array(values)
        case .doubleArray(let values): .doubleArray(values)
        }
    }
}

extension SpanAttributes {
    /// These attributes as OpenTelemetry attributes; values ``SpanAttribute/otelAttributeValue`` cannot map are
    /// left out.
    public var otelAttributes: OTelAttributes {
        var result = OTelAttributes()
        guard !isEmpty else { return result }
        result.reserveCapacity(count)
        forEach { key, value in
            if let converted = value.otelAttributeValue { result.updateValue(converted, forKey: key) }
        }
        return result
    }
}

extension OTelAttributes {
    /// These attributes as swift-distributed-tracing attributes.
    public var spanAttributes: SpanAttributes {
        var result = SpanAttributes()
        guard !isEmpty else { return result }
        result.reserveCapacity(count)
        for (key, value) in self {
            result.set(key, value: value.spanAttribute)
        }
        return result
    }
}

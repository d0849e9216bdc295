/// The value of an attribute: a primitive or a homogeneous array of primitives.
///
/// [OpenTelemetry Specification: Attribute](https://opentelemetry.io/docs/specs/otel/common/#attribute)
public enum OTelAttributeValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// A boolean.
    case bool(Bool)
    /// A signed 64-bit integer.
    case int(Int64)
    /// A double-precision floating-point number.
    case double(Double)
    /// An array of strings.
    case stringArray([String])
    /// An array of booleans.
    case boolArray([Bool])
    /// An array of signed 64-bit integers.
    case intArray([Int64])
    /// An array of double-precision floating-point numbers.
    case doubleArray([Double])
}

extension OTelAttributeValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// A ``string(_:)`` value.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension OTelAttributeValue: ExpressibleByBooleanLiteral {
    /// A ``bool(_:)`` value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension OTelAttributeValue: ExpressibleByIntegerLiteral {
    /// An ``int(_:)`` value.
    public init(integerLiteral value: Int64) { self = .int(value) }
}

extension OTelAttributeValue: ExpressibleByFloatLiteral {
    /// A ``double(_:)`` value.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension OTelAttributeValue: CustomStringConvertible {
    /// The value as text; arrays as `[a, b]`.
    public var description: String {
        switch self {
        case .string(let value): value
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .stringArray(let value): value.description
        case .boolArray(let value): value.description
        case .intArray(let value): value.description
        case .doubleArray(let value): value.description
        }
    }
}

extension OTelAttributeValue {
    /// This value with every string (each array element separately) cut to at most `limit` Unicode scalars.
    ///
    /// Counting scalars never splits a UTF-8 sequence. Values without long strings come back unchanged, without
    /// copying.
    func truncated(toLength limit: Int) -> OTelAttributeValue {
        switch self {
        case .string(let value):
            guard let cut = value.truncatedIfLonger(than: limit) else { return self }
            return .string(cut)
        case .stringArray(let values):
            guard values.contains(where: { $0.utf8.count > limit }) else { return self }
            return .stringArray(values.map { $0.truncatedIfLonger(than: limit) ?? $0 })
        default:
            return self
        }
    }
}

extension String {
    /// The first `limit` Unicode scalars, or `nil` if the string is not longer than that.
    func truncatedIfLonger(than limit: Int) -> String? {
        // A scalar takes at least one UTF-8 byte, so a short UTF-8 count settles it without counting scalars.
        guard utf8.count > limit else { return nil }
        let scalars = unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
            end != scalars.endIndex
        else { return nil }
        return String(scalars[..<end])
    }
}

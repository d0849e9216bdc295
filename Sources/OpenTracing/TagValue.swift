/// A typed value of a span tag or a log field.
///
/// OpenTracing allows strings, booleans and numbers. ``error(_:)`` carries a Swift `Error` for the
/// `error.object` log field, and ``describing(_:)`` any other value, which tracers that cannot store it
/// convert to its description.
public enum TagValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int64)
    /// An unsigned value; tracers whose backends have only signed 64-bit integers keep values above
    /// `Int64.max` as decimal strings.
    case uint(UInt64)
    case double(Double)
    /// A Swift error, as the `error.object` log field.
    case error(any Error)
    /// Any other value.
    case describing(any CustomStringConvertible & Sendable)
}

extension TagValue {
    /// The value as a string: the string itself, or the description of any other value.
    public var stringValue: String {
        switch self {
        case .string(let value): value
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .uint(let value): String(value)
        case .double(let value): String(value)
        case .error(let error): String(describing: error)
        case .describing(let value): value.description
        }
    }
}

extension TagValue: CustomStringConvertible {
    public var description: String { stringValue }
}

extension TagValue: Equatable {
    /// Values of the same case are equal when their payloads are; errors and described values compare by their
    /// type and description.
    public static func == (lhs: TagValue, rhs: TagValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.uint(let a), .uint(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.error(let a), .error(let b)): type(of: a) == type(of: b) && "\(a)" == "\(b)"
        case (.describing(let a), .describing(let b)): type(of: a) == type(of: b) && a.description == b.description
        default: false
        }
    }
}

extension TagValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TagValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TagValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .int(value) }
}

extension TagValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension TagValue {
    /// An integer of any width; unsigned values above `Int64.max` become ``uint(_:)``.
    public init(_ value: some BinaryInteger) {
        if let signed = Int64(exactly: value) {
            self = .int(signed)
        } else {
            self = .uint(UInt64(truncatingIfNeeded: value))
        }
    }

    /// A floating-point value of any width.
    public init(_ value: some BinaryFloatingPoint) {
        self = .double(Double(value))
    }
}

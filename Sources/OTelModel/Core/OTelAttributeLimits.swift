/// Limits on a collection of attributes.
///
/// [OpenTelemetry Specification: Attribute Limits](https://opentelemetry.io/docs/specs/otel/common/#attribute-limits)
public struct OTelAttributeLimits: Sendable, Hashable {
    /// The most attributes kept; new keys beyond it are dropped and counted. Default 128.
    public var countLimit: Int
    /// The most Unicode scalars kept in a string value (each array element separately); `nil` = no limit.
    public var valueLengthLimit: Int?

    /// Creates limits; negative values are treated as zero.
    public init(countLimit: Int = 128, valueLengthLimit: Int? = nil) {
        self.countLimit = max(0, countLimit)
        self.valueLengthLimit = valueLengthLimit.map { max(0, $0) }
    }

    /// The spec defaults: 128 attributes, no length limit.
    public static let `default` = OTelAttributeLimits()

    /// No limits at all (resources and instrumentation scopes).
    public static let unlimited = OTelAttributeLimits(countLimit: .max, valueLengthLimit: nil)
}

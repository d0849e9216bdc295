/// The errors the OpenTracing API defines for ``Tracer/inject(_:format:into:)`` and
/// ``Tracer/extract(format:from:)``.
///
/// [OpenTracing specification: Inject/Extract errors](https://github.com/opentracing/specification/blob/master/specification.md#inject-a-spancontext-into-a-carrier)
public enum OpenTracingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The tracer does not know the format.
    case unsupportedFormat(Format)
    /// The carrier's type does not fit the format.
    case invalidCarrier(format: Format, carrierType: String)
    /// The carrier holds a span context that cannot be decoded.
    case spanContextCorrupted(String)

    public var description: String {
        switch self {
        case .unsupportedFormat(let format):
            "unsupported format '\(format)'"
        case .invalidCarrier(let format, let carrierType):
            "carrier of type \(carrierType) does not fit format '\(format)'"
        case .spanContextCorrupted(let reason):
            "span context corrupted: \(reason)"
        }
    }
}

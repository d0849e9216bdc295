/// The status of a span's operation.
///
/// A description is carried only by ``error(description:)``. Once a span's status is ``ok`` it is final; setting
/// ``unset`` is always ignored.
///
/// [OpenTelemetry Specification: Set Status](https://opentelemetry.io/docs/specs/otel/trace/api/#set-status)
public enum OTelSpanStatus: Sendable, Hashable {
    /// The default: no status was set.
    case unset
    /// The operation was validated as successful by the application developer or operator.
    case ok
    /// The operation failed; `description` says how (empty for none).
    case error(description: String = "")
}

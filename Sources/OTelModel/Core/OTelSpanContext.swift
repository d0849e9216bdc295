/// The part of a span that propagates: ids, trace flags and trace state.
///
/// [OpenTelemetry Specification: SpanContext](https://opentelemetry.io/docs/specs/otel/trace/api/#spancontext)
public struct OTelSpanContext: Sendable, Hashable {
    /// The id of the trace the span belongs to.
    public var traceID: TraceID
    /// The id of the span.
    public var spanID: SpanID
    /// Flags such as sampled.
    public var traceFlags: OTelTraceFlags
    /// Vendor-specific trace state.
    public var traceState: OTelTraceState
    /// Whether this context was propagated from a remote parent (extracted by a propagator).
    public var isRemote: Bool

    /// Creates a span context.
    public init(
        traceID: TraceID,
        spanID: SpanID,
        traceFlags: OTelTraceFlags = [],
        traceState: OTelTraceState = OTelTraceState(),
        isRemote: Bool = false
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.traceFlags = traceFlags
        self.traceState = traceState
        self.isRemote = isRemote
    }

    /// The invalid span context: both ids zero, no flags, empty state.
    public static let invalid = OTelSpanContext(traceID: .invalid, spanID: .invalid)

    /// Whether both the trace id and the span id are valid (non-zero).
    public var isValid: Bool {
        traceID.isValid && spanID.isValid
    }

    /// Whether the sampled flag is set.
    public var isSampled: Bool {
        traceFlags.contains(.sampled)
    }
}

/// The context of a ``NoopSpan``: no identifiers (`""`) and no baggage.
public struct NoopSpanContext: SpanContext, Hashable {
    /// Creates the (only) no-op context.
    public init() {}

    public var traceID: String { "" }
    public var spanID: String { "" }
    public func forEachBaggageItem(_ body: (_ key: String, _ value: String) throws -> Void) rethrows {}
}

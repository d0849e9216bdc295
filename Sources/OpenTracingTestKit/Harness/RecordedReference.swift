public import OpenTracing

/// A reference of a ``RecordedSpan`` to an earlier span.
public struct RecordedReference: Sendable, Hashable {
    /// The kind of reference.
    public var kind: Reference.Kind
    /// The referenced span's trace identifier.
    public var traceID: String
    /// The referenced span's span identifier.
    public var spanID: String

    /// Creates a reference record.
    public init(kind: Reference.Kind, traceID: String, spanID: String) {
        self.kind = kind
        self.traceID = traceID
        self.spanID = spanID
    }

    /// Records `reference`.
    public init(_ reference: Reference) {
        self.init(kind: reference.kind, traceID: reference.context.traceID, spanID: reference.context.spanID)
    }
}

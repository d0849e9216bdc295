public import OpenTracing

/// A finished span as a ``TracerHarness`` reports it: the tracer-neutral record the checks assert on.
///
/// Identifiers are the strings of ``OpenTracing/SpanContext/traceID`` and ``OpenTracing/SpanContext/spanID``, so a
/// check can compare a recorded span with a live span's context.
public struct RecordedSpan: Sendable, Equatable, CustomStringConvertible {
    /// The operation name at finish time.
    public var operationName: String
    /// The trace identifier, as ``OpenTracing/SpanContext/traceID`` spells it.
    public var traceID: String
    /// The span identifier, as ``OpenTracing/SpanContext/spanID`` spells it.
    public var spanID: String
    /// The span identifier of the parent: the first `child_of` reference, else the first reference (an
    /// implicit parent taken from the active span counts as a `child_of` reference); `nil` for a root span.
    public var parentSpanID: String?
    /// The span's references in the order given at start, including an implicit one to the active span.
    public var references: [RecordedReference]
    /// The tags, start tags included.
    public var tags: [String: TagValue]
    /// The log entries in the order they were recorded.
    public var logs: [RecordedLog]
    /// When the span started.
    public var startTime: Timestamp
    /// When the span finished.
    public var finishTime: Timestamp

    /// Creates a record.
    public init(
        operationName: String,
        traceID: String,
        spanID: String,
        parentSpanID: String?,
        references: [RecordedReference] = [],
        tags: [String: TagValue] = [:],
        logs: [RecordedLog] = [],
        startTime: Timestamp,
        finishTime: Timestamp
    ) {
        self.operationName = operationName
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.references = references
        self.tags = tags
        self.logs = logs
        self.startTime = startTime
        self.finishTime = finishTime
    }

    public var description: String {
        "'\(operationName)' (trace \(traceID), span \(spanID), parent \(parentSpanID ?? "none"))"
    }
}

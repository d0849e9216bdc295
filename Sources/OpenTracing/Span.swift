/// A named, timed unit of work in a trace.
///
/// Spans have reference semantics: every holder sees the same tags, logs and baggage. All methods are safe to
/// call from any thread. Calls after ``finish(at:)`` are ignored by well-behaved tracers (and reported once).
///
/// [OpenTracing specification: Span](https://github.com/opentracing/specification/blob/master/specification.md#span)
public protocol Span: AnyObject, Sendable {
    /// The span's context: its identity and its baggage at the time of the call.
    ///
    /// Setting a baggage item replaces the context, so read this after ``setBaggageItem(_:_:)``.
    var context: any SpanContext { get }

    /// The tracer that started this span.
    var tracer: any Tracer { get }

    /// Replaces the operation name given at start.
    func setOperationName(_ operationName: String)

    /// Sets a tag; a later value for the same key replaces the earlier one.
    ///
    /// [OpenTracing specification: Set a Span tag](https://github.com/opentracing/specification/blob/master/specification.md#set-a-span-tag)
    func setTag(_ key: String, _ value: TagValue)

    /// Records a structured log entry.
    ///
    /// - Parameters:
    ///   - fields: Key/value pairs, in order; see ``LogFieldKey`` for the standard keys.
    ///   - timestamp: When the event happened; `nil` means now.
    ///
    /// [OpenTracing specification: Log structured data](https://github.com/opentracing/specification/blob/master/specification.md#log-structured-data)
    func log(fields: [LogField], timestamp: Timestamp?)

    /// Sets a baggage item, which travels with this span's context to every descendant and across process
    /// boundaries.
    ///
    /// [OpenTracing specification: Set a baggage item](https://github.com/opentracing/specification/blob/master/specification.md#set-a-baggage-item)
    func setBaggageItem(_ key: String, _ value: String)

    /// Returns the baggage item for `key`, or `nil`.
    func baggageItem(_ key: String) -> String?

    /// Finishes the span. Only the first call has an effect.
    ///
    /// - Parameter finishTime: An explicit end time; `nil` means now.
    func finish(at finishTime: Timestamp?)
}

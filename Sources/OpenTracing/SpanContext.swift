/// The part of a span that crosses process boundaries: its identity and its baggage.
///
/// A span context is immutable; a span that gets a new baggage item gets a new context.
///
/// [OpenTracing specification: SpanContext](https://github.com/opentracing/specification/blob/master/specification.md#spancontext)
public protocol SpanContext: Sendable {
    /// The trace identifier as a string, or `""` when the tracer has none.
    ///
    /// [OpenTracing RFC: Trace identifiers](https://github.com/opentracing/specification/blob/master/rfc/trace_identifiers.md)
    var traceID: String { get }

    /// The span identifier as a string, or `""` when the tracer has none.
    ///
    /// [OpenTracing RFC: Trace identifiers](https://github.com/opentracing/specification/blob/master/rfc/trace_identifiers.md)
    var spanID: String { get }

    /// Calls `body` with every baggage item, in no particular order.
    func forEachBaggageItem(_ body: (_ key: String, _ value: String) throws -> Void) rethrows
}

extension SpanContext {
    /// All baggage items as a dictionary.
    public var baggageItems: [String: String] {
        var items: [String: String] = [:]
        forEachBaggageItem { key, value in items[key] = value }
        return items
    }
}

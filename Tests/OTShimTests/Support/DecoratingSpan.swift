import OpenTracing

/// A span wrapper as users write them (decorators, proxies), forwarding to a shim span.
final class DecoratingSpan: OpenTracing.Span {
    let wrapped: any OpenTracing.Span
    init(_ wrapped: any OpenTracing.Span) { self.wrapped = wrapped }
    var context: any SpanContext { wrapped.context }
    var tracer: any OpenTracing.Tracer { wrapped.tracer }
    func setOperationName(_ operationName: String) { wrapped.setOperationName(operationName) }
    func setTag(_ key: String, _ value: TagValue) { wrapped.setTag(key, value) }
    func log(fields: [LogField], timestamp: Timestamp?) { wrapped.log(fields: fields, timestamp: timestamp) }
    func setBaggageItem(_ key: String, _ value: String) { wrapped.setBaggageItem(key, value) }
    func baggageItem(_ key: String) -> String? { wrapped.baggageItem(key) }
    func finish(at finishTime: Timestamp?) { wrapped.finish(at: finishTime) }
}

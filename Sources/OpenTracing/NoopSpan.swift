/// The span of a ``NoopTracer``: ignores every call; its context is ``NoopSpanContext``.
public final class NoopSpan: Span {
    // Set once, right after init, before the span is shared; weak so tracer and span do not keep each other alive.
    nonisolated(unsafe) private weak var owner: NoopTracer?

    init() {}

    func attach(to tracer: NoopTracer) {
        owner = tracer
    }

    public var context: any SpanContext { NoopSpanContext() }
    public var tracer: any Tracer { owner ?? NoopTracer.shared }
    public func setOperationName(_ operationName: String) {}
    public func setTag(_ key: String, _ value: TagValue) {}
    public func log(fields: [LogField], timestamp: Timestamp?) {}
    public func setBaggageItem(_ key: String, _ value: String) {}
    public func baggageItem(_ key: String) -> String? { nil }
    public func finish(at finishTime: Timestamp?) {}
}

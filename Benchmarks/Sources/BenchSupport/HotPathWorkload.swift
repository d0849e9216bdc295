public import OTelModel
public import OpenTracing

/// The unit of work every hot-path benchmark repeats: start a child of the active span, set three tags (a string,
/// an integer, a boolean), log one event, finish. Each variant does the same through a different API, so their
/// ratios are the cost of each layer.
public enum HotPathWorkload {
    /// The workload through an OpenTracing tracer (the shim, or `NoopTracer` as the floor).
    ///
    /// The log's field array is built at the call site, as real call sites build it.
    @inline(never)
    public static func run(_ tracer: any OpenTracing.Tracer) {
        let span = tracer.startSpan("GET /users/:id")
        span.setTag("http.method", "GET")
        span.setTag("http.status_code", 200)
        span.setTag("cache.hit", true)
        span.log(fields: [LogField("event", "cache miss")], timestamp: nil)
        span.finish()
    }

    /// The same workload straight on the OTelModel API: the shim's own overhead is the difference.
    @inline(never)
    public static func run(_ tracer: OTelTracer) {
        let span = tracer.startSpan("GET /users/:id")
        span.setAttribute("http.method", .string("GET"))
        span.setAttribute("http.status_code", .int(200))
        span.setAttribute("cache.hit", .bool(true))
        span.addEvent("cache miss")
        span.end()
    }
}

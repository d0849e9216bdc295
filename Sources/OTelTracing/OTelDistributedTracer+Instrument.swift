import OTelModel
public import Tracing

extension OTelDistributedTracer {
    /// Writes the span context and baggage current in `context` with ``propagator``.
    ///
    /// When `context` is the caller's current one, a span activated imperatively inside it (OpenTracing
    /// `activate`) is what gets injected, so an HTTP client instrumented with swift-distributed-tracing
    /// propagates the OpenTracing span that is active around it. The debug mark of an extracted parent is
    /// injected again (B3, Jaeger). Nothing is written when there is neither a valid span nor baggage.
    ///
    /// [OpenTelemetry Specification: Inject](https://opentelemetry.io/docs/specs/otel/context/api-propagators/#inject)
    public func inject<Carrier, Inject: Injector>(
        _ context: InstrumentationContext,
        into carrier: inout Carrier,
        using injector: Inject
    ) where Inject.Carrier == Carrier {
        let current = OTelContext.resolved(from: context)
        guard current.span?.context.isValid == true || !current.baggage.isEmpty else { return }
        withUnsafeMutablePointer(to: &carrier) { pointer in
            var writer = InjectorWriter(carrier: pointer, injector: injector)
            propagator.inject(context: current, into: &writer)
        }
    }

    /// Reads a span context and baggage with ``propagator`` and stores them in `context`: the remote span
    /// becomes the parent of spans started in `context`, the baggage is carried on, and so are debug marks
    /// (a `jaeger-debug-id` request starts a debug trace whose root carries the id).
    ///
    /// Extractors can only look fields up by name, so propagators that scan for a prefix (Jaeger's `uberctx-`,
    /// OT Trace's `ot-baggage-`) find those fields only in carriers that can be listed: `[String: String]` and
    /// sequences of `(name: String, value: String)` pairs (such as NIO's `HTTPHeaders`). `context` is left
    /// unchanged when nothing valid is found.
    ///
    /// [OpenTelemetry Specification: Extract](https://opentelemetry.io/docs/specs/otel/context/api-propagators/#extract)
    public func extract<Carrier, Extract: Extractor>(
        _ carrier: Carrier,
        into context: inout InstrumentationContext,
        using extractor: Extract
    ) where Extract.Carrier == Carrier {
        let propagated = propagator.extract(from: ExtractorReader(carrier: carrier, extractor: extractor))
        let spanContext = propagated.spanContext
        // A sampled context without ids is a `jaeger-debug-id` request: it starts a new debug trace.
        guard spanContext.isValid || spanContext.isSampled || !propagated.baggage.isEmpty else { return }
        context.otelContext = OTelContext(extracted: propagated)
    }
}

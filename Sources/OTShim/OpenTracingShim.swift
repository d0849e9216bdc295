public import OTelModel
public import OpenTracing

/// Creates OpenTracing tracers that record OpenTelemetry spans: existing OpenTracing call sites, unchanged, produce
/// spans in an ``OTelModel/OTelTracerProvider``'s pipeline.
///
/// ```swift
/// let provider = OTelTracerProvider(processors: [OTelBatchSpanProcessor(exporter: exporter)])
/// let tracer = OpenTracingShim.makeTracer(provider: provider)
/// GlobalTracer.register(tracer)
/// // … at exit:
/// await tracer.close()
/// ```
///
/// What each OpenTracing call becomes:
/// - `startSpan`: a span of the provider's tracer named `opentracing-shim` (with this library's version). The parent
///   is the first `childOf` reference, else the first reference, else (unless `ignoreActiveSpan`) the active span.
///   Every reference, the parent's included, becomes a link with the attribute `opentracing.ref_type` =
///   `child_of` / `follows_from`. Start tags are attributes the sampler sees.
/// - `setTag`: an attribute, except `error` (→ span status) and `span.kind` (→ span kind, see
///   ``Configuration/mapsSpanKindTag``).
/// - `log`: an event named by the `event` field (else `log`); `event` = `error` becomes an `exception` event.
/// - baggage: OpenTelemetry baggage carried by the span context.
/// - inject/extract: the configured text-map propagators; ``OpenTracing/Format/binary`` uses
///   ``BinarySpanContextFormat``.
/// - the scope manager: the OpenTelemetry context of OTelModel, shared with code that uses OTelModel or
///   swift-distributed-tracing directly.
///
/// [OpenTelemetry Specification: OpenTracing Compatibility](https://opentelemetry.io/docs/specs/otel/compatibility/opentracing/)
public enum OpenTracingShim {
    /// The name of the OpenTelemetry tracer (instrumentation scope) the shim records spans with (OT-5).
    public static let instrumentationScopeName = "opentracing-shim"

    /// The version recorded with ``instrumentationScopeName``: this library's version (OT-5).
    public static let version = OTelLibrary.version

    /// Creates an OpenTracing tracer over `provider`.
    ///
    /// - Parameters:
    ///   - provider: Supplies the OpenTelemetry tracer named ``instrumentationScopeName`` (OT-5).
    ///   - configuration: Propagators per format and mapping options.
    /// - Returns: The tracer (OT-7); ``OpenTracingShimTracer/close()`` shuts `provider` down.
    ///
    /// [OpenTelemetry Specification: Create an OpenTracing Tracer Shim](https://opentelemetry.io/docs/specs/otel/compatibility/opentracing/#create-an-opentracing-tracer-shim)
    public static func makeTracer(
        provider: OTelTracerProvider,
        configuration: Configuration = Configuration()
    ) -> any OpenTracingShimTracer {
        TracerShim(provider: provider, configuration: configuration)
    }
}

/// An OpenTracing tracer made by ``OpenTracingShim/makeTracer(provider:configuration:)``, with the operations
/// OpenTracing leaves out: flushing and closing the OpenTelemetry pipeline.
public protocol OpenTracingShimTracer: OpenTracing.Tracer {
    /// Exports every finished span that the pipeline still holds; errors are logged, never thrown.
    func flush() async

    /// Shuts the tracer provider down, once; later calls do nothing. The provider's processors first export every
    /// span they still hold (once shutdown begins, each batch gets one attempt, so that closing ends promptly even
    /// when the collector is down).
    ///
    /// Errors raised while closing are swallowed (logged). Spans started afterwards record nothing and are not
    /// exported (the provider is shut down); baggage and extracted parents still propagate through them.
    ///
    /// [OpenTelemetry Specification: Close](https://opentelemetry.io/docs/specs/otel/compatibility/opentracing/#close-opentracing-tracer-shim)
    func close() async
}

public import Logging
public import OTelModel
public import Tracing

/// A swift-distributed-tracing `Tracer` over an OTelModel tracer provider: spans from `withSpan` (and from
/// frameworks instrumented with swift-distributed-tracing, such as AsyncHTTPClient, Hummingbird, Vapor or
/// gRPC) go through the provider's samplers and processors, next to the spans of the OpenTracing shim.
///
/// ```swift
/// let provider = OTelTracerProvider(processors: [OTelBatchSpanProcessor(exporter: exporter)])
/// InstrumentationSystem.bootstrap(OTelDistributedTracer(provider: provider))
/// GlobalTracer.register(OpenTracingShim.makeTracer(provider: provider))
/// ```
///
/// **One context for both APIs.** A span's ``OTelDistributedSpan/context`` holds OTelModel's ``OTelContext``
/// (span and baggage), which is also where the OpenTracing shim's scope manager keeps its active span:
/// - the parent of a new span is the span of the given context; when that context is the caller's current one
///   (the default argument of `withSpan` and `startSpan`), a span activated imperatively inside it (OpenTracing
///   `activate`, on a thread or in a task) wins, as ``OTelModel/OTelContext/resolved(from:)`` describes;
/// - inside `withSpan`, OpenTracing's `activeSpan` is this span, and OpenTracing spans started there are its
///   children;
/// - the new span's context carries the parent's baggage, so baggage set through either API is propagated by
///   both.
///
/// **Propagation** (the `Instrument` side) uses an OTelModel text-map propagator, by default the one
/// `OTEL_PROPAGATORS` names (W3C trace context and W3C baggage when unset), the same default as the shim.
public struct OTelDistributedTracer: Tracing.Tracer {
    /// The instrumentation scope name spans get unless another is given.
    public static let defaultInstrumentationScopeName = "swift-distributed-tracing"

    /// The provider whose pipeline records the spans.
    public let provider: OTelTracerProvider
    /// The OpenTelemetry tracer that starts the spans.
    public let otelTracer: OTelTracer
    /// The propagator that `inject` and `extract` use.
    public let propagator: any OTelTextMapPropagator

    /// Creates a tracer over `provider`.
    ///
    /// - Parameters:
    ///   - provider: Supplies the OpenTelemetry tracer and the pipeline.
    ///   - instrumentationScopeName: The tracer (instrumentation scope) name recorded on the spans.
    ///   - instrumentationScopeVersion: Its version; by default this library's.
    ///   - propagator: The propagator for `inject`/`extract`; by default the one `OTEL_PROPAGATORS` names (W3C
    ///     trace context + W3C baggage when unset). Pass the shim's propagator to share it explicitly.
    ///   - logger: Receives configuration warnings (an unknown `OTEL_PROPAGATORS` name).
    public init(
        provider: OTelTracerProvider,
        instrumentationScopeName: String = OTelDistributedTracer.defaultInstrumentationScopeName,
        instrumentationScopeVersion: String? = OTelLibrary.version,
        propagator: (any OTelTextMapPropagator)? = nil,
        logger: Logger = Logger(label: "OTelTracing")
    ) {
        self.provider = provider
        otelTracer = provider.tracer(name: instrumentationScopeName, version: instrumentationScopeVersion)
        self.propagator = propagator ?? OTelPropagators.fromEnvironment(logger: logger)
    }

    /// Starts a span whose parent is the span current in `context` (see the type's documentation), of `kind`,
    /// starting exactly at `instant`.
    ///
    /// The sampler sees the name and kind (swift-distributed-tracing sets attributes and links only after the
    /// start). The returned span's ``OTelDistributedSpan/context`` is `context` with the new span current, the
    /// parent's baggage and the debug marks of an extracted parent (so B3 and Jaeger inject the debug flag
    /// again).
    public func startSpan<Instant: TracerInstant>(
        _ operationName: String,
        context: @autoclosure () -> InstrumentationContext,
        ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant,
        function: String,
        file fileID: String,
        line: UInt
    ) -> OTelDistributedSpan {
        var spanContext = context()
        let parent = OTelContext.resolved(from: spanContext)
        let otelSpan = otelTracer.startSpan(
            operationName,
            kind: kind.otelSpanKind,
            context: parent,
            startTime: instant().nanosecondsSinceEpoch
        )
        // Keeps the baggage and an extracted parent's debug marks; drops the parent's attachment.
        spanContext.otelContext = parent.withSpan(otelSpan)
        return OTelDistributedSpan(otelSpan: otelSpan, context: spanContext)
    }

    /// The span current in `context` (an imperatively activated one wins when `context` is the caller's current
    /// context), or `nil` when there is none.
    public func activeSpan(identifiedBy context: InstrumentationContext) -> OTelDistributedSpan? {
        let current = OTelContext.resolved(from: context)
        guard let span = current.span else { return nil }
        var spanContext = context
        spanContext.otelContext = current
        return OTelDistributedSpan(otelSpan: span, context: spanContext)
    }

    /// Starts flushing the provider and returns at once (the protocol's requirement is synchronous); prefer
    /// ``flush()``.
    public func forceFlush() {
        let provider = provider
        Task { try? await provider.forceFlush() }
    }

    /// Exports every ended span the provider's processors still hold.
    public func flush() async throws {
        try await provider.forceFlush()
    }
}

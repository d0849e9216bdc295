public import OTelModel

/// What ``OTLPTracing/bootstrap(environment:logger:)`` builds: the provider to get tracers from, the service that
/// flushes it on shutdown, and the propagators to inject and extract context with.
public struct OTLPTracingPipeline: Sendable {
    /// The tracer provider (a no-op one when `OTEL_SDK_DISABLED=true`).
    public let provider: OTelTracerProvider
    /// Run it in the application's `ServiceGroup`; on graceful shutdown it flushes and shuts the provider down.
    public let service: OTLPTracingService
    /// The propagators named by `OTEL_PROPAGATORS` (configured even when the SDK is disabled).
    public let propagator: OTelCompositePropagator
    /// The OTLP exporter, when `OTEL_TRACES_EXPORTER` selects `otlp` (for its ``OTLPHTTPSpanExporter/statistics``).
    public let exporter: OTLPHTTPSpanExporter?
    /// `false` when `OTEL_SDK_DISABLED=true`: spans are not recorded.
    public let isEnabled: Bool
}

public import Logging
public import OTelModel

/// Builds the whole tracing pipeline from the `OTEL_*` environment variables in one call.
public enum OTLPTracing {
    /// The tracer provider, its OTLP/HTTP export pipeline and the propagators, configured by the environment.
    ///
    /// - `OTEL_SDK_DISABLED=true`: a provider that records nothing (spans still carry their parent's context) and
    ///   exports nothing; propagators are still configured.
    /// - `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`: the resource (``OTelResource/makeDefault(environment:logger:)``).
    /// - `OTEL_TRACES_SAMPLER`, `OTEL_TRACES_SAMPLER_ARG`: the sampler (``OTelSamplers/fromEnvironment(_:logger:)``).
    /// - `OTEL_SPAN_*_LIMIT`, `OTEL_ATTRIBUTE_*_LIMIT`: span limits.
    /// - `OTEL_TRACES_EXPORTER`: `otlp` (the default) or `none`; other exporters (`console`, `zipkin`, …) are not
    ///   provided by this package and are logged and skipped.
    /// - `OTEL_BSP_*`: the batch span processor in front of the OTLP exporter.
    /// - `OTEL_EXPORTER_OTLP_*`: the exporter (``OTLPHTTPExporterConfiguration/init(environment:logger:)``).
    /// - `OTEL_PROPAGATORS`: ``OTLPTracingPipeline/propagator`` (``OTelPropagators/fromEnvironment(_:logger:)``).
    ///
    /// Run ``OTLPTracingPipeline/service`` in the application's `ServiceGroup` so that graceful shutdown exports
    /// the spans still queued; without ServiceLifecycle, call `provider.shutdown()` before exiting.
    ///
    /// - Throws: ``OTLPHTTPExporterError`` if a TLS file named by the environment cannot be loaded.
    ///
    /// [OpenTelemetry Specification: Environment Variable Specification](https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/)
    public static func bootstrap(
        environment: OTelEnvironment = .process,
        logger: Logger = Logger(label: "OTLPExporter")
    ) throws -> OTLPTracingPipeline {
        let propagator = OTelPropagators.fromEnvironment(environment, logger: logger)
        let resource = OTelResource.makeDefault(environment: environment, logger: logger)
        if environment.bool("OTEL_SDK_DISABLED", logger: logger) {
            let provider = OTelTracerProvider(
                resource: resource,
                sampler: OTelAlwaysOffSampler(),
                processors: [],
                logger: logger
            )
            return OTLPTracingPipeline(
                provider: provider,
                service: OTLPTracingService(provider: provider),
                propagator: propagator,
                exporter: nil,
                isEnabled: false
            )
        }

        var exporter: OTLPHTTPSpanExporter?
        let names = environment.list("OTEL_TRACES_EXPORTER") ?? ["otlp"]
        if names.contains("none") {
            if names.count > 1 {
                environment.warn(
                    "OTEL_TRACES_EXPORTER",
                    environment["OTEL_TRACES_EXPORTER"] ?? "",
                    hint: "'none' cannot be combined with other exporters; exporting nothing",
                    logger: logger
                )
            }
        } else {
            for name in names where name != "otlp" {
                environment.warn(
                    "OTEL_TRACES_EXPORTER",
                    name,
                    hint: "exporter not provided by this package, skipped; supported: otlp, none",
                    logger: logger
                )
            }
            if names.contains("otlp") {
                exporter = try OTLPHTTPSpanExporter(
                    configuration: OTLPHTTPExporterConfiguration(environment: environment, logger: logger),
                    logger: logger
                )
            }
        }

        var processors: [any OTelSpanProcessor] = []
        if let exporter {
            processors.append(
                OTelBatchSpanProcessor(
                    exporter: exporter,
                    configuration: OTelBatchSpanProcessorConfiguration(environment: environment, logger: logger),
                    logger: logger
                )
            )
        }
        let provider = OTelTracerProvider(
            resource: resource,
            sampler: OTelSamplers.fromEnvironment(environment, logger: logger),
            processors: processors,
            spanLimits: OTelSpanLimits(environment: environment, logger: logger),
            logger: logger
        )
        return OTLPTracingPipeline(
            provider: provider,
            service: OTLPTracingService(provider: provider),
            propagator: propagator,
            exporter: exporter,
            isEnabled: true
        )
    }

    /// The pipeline from environment variables given as a dictionary; see ``bootstrap(environment:logger:)``.
    public static func bootstrap(environment: [String: String], logger: Logger = Logger(label: "OTLPExporter")) throws
        -> OTLPTracingPipeline
    {
        try bootstrap(environment: OTelEnvironment(environment), logger: logger)
    }
}

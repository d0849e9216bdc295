public import Logging
import Synchronization

/// The entry point of the tracing SDK: configuration shared by its tracers, and the pipeline their spans end in.
///
/// Spans flow: ``OTelTracer/startSpan(_:kind:parent:attributes:links:startTime:)`` → sampler → (if recording)
/// each processor's `onStart` → ``OTelSpan/end(at:)`` → each processor's `onEnd` → exporters (sampled spans only).
///
/// [OpenTelemetry Specification: TracerProvider](https://opentelemetry.io/docs/specs/otel/trace/sdk/#tracer-provider)
public final class OTelTracerProvider: Sendable {
    let core: TracerProviderCore
    private let tracers = LockedValue<[OTelInstrumentationScope: OTelTracer]>([:])

    /// Creates a provider.
    ///
    /// - Parameters:
    ///   - resource: The resource recorded on every span; `nil` builds the spec's default resource from the
    ///     process environment (``OTelResource/makeDefault(environment:logger:)-(OTelEnvironment,_)``).
    ///   - sampler: Decides which spans record and which are sampled; by default
    ///     `ParentBased(root: AlwaysOn)`, as the spec requires (see ``OTelSamplers/fromEnvironment(_:logger:)``).
    ///   - processors: Receive recording spans at start and end, in this order.
    ///   - idGenerator: Generates trace and span ids.
    ///   - clock: The source of start, end and event times.
    ///   - spanLimits: Limits on attributes, events and links per span.
    ///   - logger: Receives the provider's diagnostics (rate-limited).
    public init(
        resource: OTelResource? = nil,
        sampler: any OTelSampler = OTelParentBasedSampler(root: OTelAlwaysOnSampler()),
        processors: [any OTelSpanProcessor] = [],
        idGenerator: any OTelIDGenerator = OTelRandomIDGenerator(),
        clock: any OTelClock = OTelSystemClock(),
        spanLimits: OTelSpanLimits = .default,
        logger: Logger = Logger(label: "OTelModel")
    ) {
        let processor: any OTelSpanProcessor =
            processors.count == 1 ? processors[0] : OTelMultiSpanProcessor(processors)
        core = TracerProviderCore(
            resource: resource ?? .makeDefault(environment: .process, logger: logger),
            sampler: sampler,
            processor: processor,
            idGenerator: idGenerator,
            clock: clock,
            spanLimits: spanLimits,
            logger: logger
        )
    }

    /// The tracer for an instrumentation scope; the same scope (name, version, schema URL) returns the same tracer.
    ///
    /// [OpenTelemetry Specification: Get a Tracer](https://opentelemetry.io/docs/specs/otel/trace/api/#get-a-tracer)
    public func tracer(
        name: String,
        version: String? = nil,
        schemaURL: String? = nil,
        attributes: OTelAttributes = OTelAttributes()
    ) -> OTelTracer {
        let scope = OTelInstrumentationScope(name: name, version: version, schemaURL: schemaURL, attributes: attributes)
        return tracers.withLock { tracers in
            if let existing = tracers[scope] { return existing }
            let tracer = OTelTracer(instrumentationScope: scope, core: core)
            tracers[scope] = tracer
            return tracer
        }
    }

    /// The resource recorded on every span.
    public var resource: OTelResource { core.resource }

    /// The sampler deciding which spans record.
    public var sampler: any OTelSampler { core.sampler }

    /// How many span mutations (including repeated `end` calls) arrived after their span ended and were ignored.
    public var ignoredMutationCount: Int { core.ignoredMutations.count }

    /// Whether ``shutdown()`` was called.
    public var isShutDown: Bool { core.isShutDown.load(ordering: .relaxed) }

    /// Exports every ended span that processors still hold, then flushes their exporters.
    ///
    /// [OpenTelemetry Specification: ForceFlush](https://opentelemetry.io/docs/specs/otel/trace/sdk/#forceflush)
    public func forceFlush() async throws {
        try await forceFlush(timeout: nil)
    }

    /// ``forceFlush()`` for at most `timeout` (`nil`: no limit): every processor is flushed concurrently and
    /// stops waiting when the timeout passes (a batch processor measures it on its own clock). Throws
    /// ``OTelForceFlushTimeoutError`` if a processor did not finish in time (its spans are still exported
    /// afterwards), or the first exporter failure.
    ///
    /// [OpenTelemetry Specification: ForceFlush](https://opentelemetry.io/docs/specs/otel/trace/sdk/#forceflush)
    public func forceFlush(timeout: Duration?) async throws {
        guard !isShutDown else { return }
        try await core.processor.forceFlush(timeout: timeout)
    }

    /// Shuts the processors (and through them the exporters) down, once; later tracers start non-recording spans.
    ///
    /// Spans ended before this call are exported. A second call does nothing.
    ///
    /// [OpenTelemetry Specification: Shutdown](https://opentelemetry.io/docs/specs/otel/trace/sdk/#shutdown)
    public func shutdown() async {
        guard !core.isShutDown.exchange(true, ordering: .acquiringAndReleasing) else {
            core.logger.debug("OTelTracerProvider.shutdown() called again; ignored")
            return
        }
        await core.processor.shutdown()
    }
}

import Logging
import Synchronization

/// What every tracer and recording span of one provider shares.
final class TracerProviderCore: Sendable {
    let resource: OTelResource
    let sampler: any OTelSampler
    /// The sampler's decisions when they are known in advance (see ``ConstantSampling``).
    let constantSampling: ConstantSampling?
    let processor: any OTelSpanProcessor
    /// `processor` when it is the batch processor (the common pipeline), called directly: a call through the
    /// existential copies it first, and the batch processor's `onStart` does nothing, so it is skipped.
    private let batchProcessor: OTelBatchSpanProcessor?
    let idGenerator: any OTelIDGenerator
    /// Whether root spans get the W3C `random` flag (their trace ids come from a random generator).
    let generatesRandomTraceIDs: Bool
    let clock: any OTelClock
    private let usesSystemClock: Bool
    let spanLimits: OTelSpanLimits
    let logger: Logger
    let isShutDown = Atomic<Bool>(false)
    let ignoredMutations: RateLimitedCounter

    init(
        resource: OTelResource,
        sampler: any OTelSampler,
        processor: any OTelSpanProcessor,
        idGenerator: any OTelIDGenerator,
        clock: any OTelClock,
        spanLimits: OTelSpanLimits,
        logger: Logger
    ) {
        self.resource = resource
        self.sampler = sampler
        constantSampling = ConstantSampling(sampler)
        self.processor = processor
        batchProcessor = processor as? OTelBatchSpanProcessor
        self.idGenerator = idGenerator
        generatesRandomTraceIDs = idGenerator is OTelRandomIDGenerator
        self.clock = clock
        usesSystemClock = clock is OTelSystemClock
        self.spanLimits = spanLimits
        self.logger = logger
        ignoredMutations = RateLimitedCounter(
            logger: logger,
            message: "Spans were changed or ended after they ended; the changes were ignored"
        )
    }

    // The defaults are called directly: a call through the existential copies it first (~150 instructions a span).

    /// A new trace id from the provider's generator.
    @inline(__always)
    func nextTraceID() -> TraceID {
        generatesRandomTraceIDs ? OTelRandomIDGenerator().nextTraceID() : idGenerator.nextTraceID()
    }

    /// A new span id from the provider's generator.
    @inline(__always)
    func nextSpanID() -> SpanID {
        generatesRandomTraceIDs ? OTelRandomIDGenerator().nextSpanID() : idGenerator.nextSpanID()
    }

    /// The provider clock's time, in nanoseconds since the Unix epoch.
    @inline(__always)
    func now() -> UInt64 {
        usesSystemClock ? OTelSystemClock().nanosecondsSinceEpoch() : clock.nanosecondsSinceEpoch()
    }

    /// Tells the processor that a recording span started.
    @inline(__always)
    func spanStarted(_ span: OTelSpan, parent: OTelSpanContext?) {
        if batchProcessor == nil { processor.onStart(span, parentContext: parent) }
    }

    /// Hands an ended span to the processor.
    @inline(__always)
    func spanEnded(_ span: consuming OTelFinishedSpan) {
        if let batchProcessor {
            batchProcessor.onEnd(span)
        } else {
            processor.onEnd(span)
        }
    }
}

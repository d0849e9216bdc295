import Logging
import Synchronization

/// What every tracer and recording span of one provider shares.
final class TracerProviderCore: Sendable {
    let resource: OTelResource
    let sampler: any OTelSampler
    let processor: any OTelSpanProcessor
    let idGenerator: any OTelIDGenerator
    /// Whether root spans get the W3C `random` flag (their trace ids come from a random generator).
    let generatesRandomTraceIDs: Bool
    let clock: any OTelClock
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
        self.processor = processor
        self.idGenerator = idGenerator
        generatesRandomTraceIDs = idGenerator is OTelRandomIDGenerator
        self.clock = clock
        self.spanLimits = spanLimits
        self.logger = logger
        ignoredMutations = RateLimitedCounter(
            logger: logger,
            message: "Spans were changed or ended after they ended; the changes were ignored"
        )
    }
}

public import OTelModel
public import ServiceLifecycle

/// A ServiceLifecycle service that keeps a tracer provider for the life of a server, and on graceful shutdown
/// exports every span still queued and shuts the provider (its processors and exporters) down.
///
/// Put it in the application's `ServiceGroup` after the services that create spans (a group shuts services down in
/// reverse order, so the server stops producing spans first).
public struct OTLPTracingService: Service {
    /// The provider flushed and shut down when the service ends.
    public let provider: OTelTracerProvider

    /// Creates the service for `provider`.
    public init(provider: OTelTracerProvider) {
        self.provider = provider
    }

    /// Waits for graceful shutdown (or cancellation), then shuts the provider down: its processors export every
    /// span they still hold, one attempt per batch, so that the service stops promptly even when the collector is
    /// down.
    public func run() async throws {
        // Throws only if the task is cancelled: shut down all the same.
        try? await gracefulShutdown()
        await provider.shutdown()
    }
}

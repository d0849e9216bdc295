import AsyncHTTPClient
import Instrumentation
import NIOCore
import NIOPosix
import OTShim
import OTelModel
import OTelTracing
import OpenTracing
import Tracing

@main
struct MixedTracingApp {
    static func main() async throws {
        // One pipeline for both APIs. OTLP/HTTP export is not on this branch yet: spans go to memory and are
        // printed. With the OTLP exporter, pass it to the batch processor instead of `exporter`.
        let exporter = OTelInMemorySpanExporter()
        let provider = OTelTracerProvider(processors: [OTelBatchSpanProcessor(exporter: exporter)])

        // swift-distributed-tracing (AsyncHTTPClient, the server handler, migrated code) and OpenTracing (legacy
        // code), over the same provider. Bootstrap before creating the HTTP client: it reads the tracer then.
        InstrumentationSystem.bootstrap(OTelDistributedTracer(provider: provider))
        GlobalTracer.register(OpenTracingShim.makeTracer(provider: provider))

        let server = try await InventoryServer.bind()
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let reply = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let url = "http://127.0.0.1:\(server.port)/inventory/42"
            let reply = try await LegacyCheckout.run(client: client, url: url)
            try? await server.channel.channel.close()
            group.cancelAll()
            return reply
        }
        try await client.shutdown()
        try await provider.forceFlush()
        await provider.shutdown()

        print("response: \(reply)\n")
        SpanTreePrinter.print(exporter.finishedSpans)
    }
}

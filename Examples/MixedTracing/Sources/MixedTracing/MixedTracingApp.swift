import AsyncHTTPClient
import Instrumentation
import NIOCore
import NIOPosix
import OTShim
import OTelModel
import OTelTracing
import OpenTracing
import Tracing

#if OTLP
import Logging
import OTLPExporter
#endif

@main
struct MixedTracingApp {
    static func main() async throws {
        // One pipeline for both APIs: spans are kept in memory to print the tree, and with the OTLP trait also
        // exported over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT, by default http://localhost:4318).
        let exporter = OTelInMemorySpanExporter()
        var processors: [any OTelSpanProcessor] = [OTelSimpleSpanProcessor(exporter: exporter)]
        #if OTLP
        let logger = Logger(label: "MixedTracing")
        let otlpExporter = try OTLPHTTPSpanExporter(
            configuration: OTLPHTTPExporterConfiguration(environment: .process, logger: logger),
            logger: logger
        )
        processors.append(OTelBatchSpanProcessor(exporter: otlpExporter))
        #endif
        let provider = OTelTracerProvider(processors: processors)  // resource from OTEL_SERVICE_NAME etc.

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
        #if OTLP
        let statistics = otlpExporter.statistics
        print(
            "\nOTLP/HTTP to \(otlpExporter.configuration.endpoint): exported \(statistics.exportedSpans) spans "
                + "in \(statistics.requests) request(s), \(statistics.failedRequests) failed"
        )
        #endif
    }
}

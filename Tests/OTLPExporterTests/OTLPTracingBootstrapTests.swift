import Logging
import OTLPExporter
import OTelModel
import ServiceLifecycle
import Testing

@Suite("One-call pipeline from the environment, and graceful shutdown through ServiceLifecycle")
struct OTLPTracingBootstrapTests {
    @Test(
        "bootstrap wires resource, sampler, batch processor and OTLP exporter from OTEL_* and delivers spans on graceful shutdown"
    )
    func bootstrapAndGracefulShutdown() async throws {
        let collector = try await LoopbackCollector()
        let pipeline = try OTLPTracing.bootstrap(environment: [
            "OTEL_SERVICE_NAME": "checkout",
            "OTEL_RESOURCE_ATTRIBUTES": "deployment.environment=test",
            "OTEL_TRACES_SAMPLER": "always_on",
            "OTEL_BSP_SCHEDULE_DELAY": "60000",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": collector.tracesURL,
            "OTEL_EXPORTER_OTLP_HEADERS": "x-api-key=k%3D1",
            "OTEL_PROPAGATORS": "b3,tracecontext",
        ])
        #expect(pipeline.isEnabled)
        #expect(pipeline.exporter?.configuration.endpoint.url == collector.tracesURL)
        #expect(pipeline.propagator.fields.contains("b3"))
        #expect(pipeline.propagator.fields.contains("traceparent"))

        let group = ServiceGroup(services: [pipeline.service], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let tracer = pipeline.provider.tracer(name: "app")
            for index in 0..<5 { tracer.startSpan("work \(index)", parent: nil).end() }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        try await collector.close()

        #expect(pipeline.provider.isShutDown)
        let request = try #require(collector.requests.first)
        #expect(request.header("x-api-key") == "k=1")
        let decoded = try OTLPDecodedRequest(protobuf: request.body)
        let resource = try #require(decoded.resourceSpans.first?.resource)
        #expect(resource.attributes.contains(OTLPKeyValue(key: "service.name", value: .string("checkout"))))
        #expect(resource.attributes.contains(OTLPKeyValue(key: "deployment.environment", value: .string("test"))))
        #expect(try collector.decodedSpans().map(\.name) == (0..<5).map { "work \($0)" })
    }

    @Test("a cancelled tracing service still flushes and shuts the provider down")
    func cancelledService() async throws {
        let collector = try await LoopbackCollector()
        let pipeline = try OTLPTracing.bootstrap(environment: [
            "OTEL_BSP_SCHEDULE_DELAY": "60000", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": collector.tracesURL,
        ])
        pipeline.provider.tracer(name: "app").startSpan("last words", parent: nil).end()
        let task = Task { try await pipeline.service.run() }
        task.cancel()
        try await task.value
        try await collector.close()
        #expect(pipeline.provider.isShutDown)
        #expect(try collector.decodedSpans().map(\.name) == ["last words"])
    }

    @Test("OTEL_SDK_DISABLED=true: nothing is recorded or exported, but propagators are still configured")
    func disabled() async throws {
        let pipeline = try OTLPTracing.bootstrap(environment: [
            "OTEL_SDK_DISABLED": "TRUE", "OTEL_PROPAGATORS": "b3multi",
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:9",
        ])
        #expect(!pipeline.isEnabled)
        #expect(pipeline.exporter == nil)
        #expect(pipeline.propagator.fields.contains("x-b3-traceid"))
        let span = pipeline.provider.tracer(name: "app").startSpan("ignored", parent: nil)
        #expect(!span.isRecording)
        span.end()
        await pipeline.provider.shutdown()
    }

    @Test("OTEL_TRACES_EXPORTER: none exports nothing; unknown exporters are logged and skipped")
    func tracesExporter() async throws {
        let none = try OTLPTracing.bootstrap(environment: ["OTEL_TRACES_EXPORTER": "none"])
        #expect(none.exporter == nil)
        #expect(none.isEnabled)
        await none.provider.shutdown()

        let capture = LogCapture()
        let mixed = try OTLPTracing.bootstrap(
            environment: ["OTEL_TRACES_EXPORTER": "zipkin,otlp", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:9"],
            logger: capture.logger
        )
        #expect(mixed.exporter != nil)
        #expect(capture.recorded.contains { $0.contains("OTEL_TRACES_EXPORTER") && $0.contains("zipkin") })
        await mixed.provider.shutdown()
    }

    @Test("a TLS file that cannot be read makes bootstrap throw a clear error")
    func badTLSFile() {
        #expect(throws: OTLPHTTPExporterError.self) {
            try OTLPTracing.bootstrap(environment: ["OTEL_EXPORTER_OTLP_CERTIFICATE": "/nonexistent/ca.pem"])
        }
    }
}

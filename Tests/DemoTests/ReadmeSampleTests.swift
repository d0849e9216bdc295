import Logging
import OTLPExporter
import OTShim
import OTelModel
import OpenTracing
import OpenTracingTestKit
import ServiceLifecycle
import Testing
import UnixSignals

/// The README's code samples, compiled and run: if the API changes, these fail before the README lies.
@Suite("README samples")
struct ReadmeSampleTests {
    actor Received {
        var requests: [OTLPDecodedRequest] = []
        func append(_ request: OTLPDecodedRequest) { requests.append(request) }
    }

    @Test(
        "README quick start: the pipeline from OTEL_*, the shim tracer over it, and the ServiceGroup's graceful shutdown exports the spans",
        .timeLimit(.minutes(1))
    )
    func quickStart() async throws {
        let received = Received()
        let receiver = try await OTLPReceiver.bind(configuration: .init(port: 0)) { event in
            if case .received(let request) = event { await received.append(request.request) }
        }
        async let serving: Void = receiver.run()
        let logger = Logger(label: "readme")

        // README "Quick start" (the environment is the process's in the README).
        let tracing = try OTLPTracing.bootstrap(
            environment: [
                "OTEL_SERVICE_NAME": "checkout",
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:\(receiver.port)",
            ],
            logger: logger
        )
        let tracer = OpenTracingShim.makeTracer(
            provider: tracing.provider,
            configuration: .init(propagator: tracing.propagator)
        )
        // GlobalTracer.register(tracer): done by `otlp-export demo` (a test must not set the process-wide tracer).
        let group = ServiceGroup(services: [tracing.service], gracefulShutdownSignals: [.sigterm], logger: logger)
        async let running: Void = group.run()

        let span = tracer.startSpan(
            "GET /checkout",
            tags: [SpanTag.spanKind: SpanTag.SpanKind.rpcServer, SpanTag.httpURL: "http://shop/checkout"]
        )
        span.setTag(SpanTag.httpStatusCode, 200)
        span.finish()

        await group.triggerGracefulShutdown()  // what SIGTERM does
        try await running
        receiver.shutdown()
        try await serving

        let spans = await received.requests.flatMap { $0.resourceSpans }
        let resource = try #require(spans.first)
        #expect(resource.resource?.attributes.first { $0.key == "service.name" }?.value == .string("checkout"))
        let exported = try #require(resource.scopeSpans.first)
        #expect(exported.scope?.name == "opentracing-shim")
        #expect(exported.spans.map(\.name) == ["GET /checkout"])
        #expect(exported.spans.first?.kind == .server)
        #expect(exported.spans.first?.attributes.first { $0.key == "http.status_code" }?.value == .int(200))
    }

    @Test("README testing: the shim over OTelInMemorySpanExporter exports the OpenTelemetry span an OpenTracing call makes")
    func inMemoryExporter() async throws {
        let exporter = OTelInMemorySpanExporter()
        let provider = OTelTracerProvider(processors: [OTelSimpleSpanProcessor(exporter: exporter)])
        let tracer = OpenTracingShim.makeTracer(provider: provider)

        let span = tracer.startSpan("GET /checkout", tags: ["span.kind": "server", "http.url": "http://shop/checkout"])
        span.log(["event": "error", "message": "payment declined"])
        span.setTag("error", true)
        span.finish()
        await tracer.flush()
        await tracer.close()

        let exported = try #require(exporter.finishedSpans.first)
        #expect(exported.name == "GET /checkout")
        #expect(exported.kind == .server)
        #expect(exported.attributes["http.url"] == .string("http://shop/checkout"))
        #expect(exported.events.map(\.name) == ["exception"])
        #expect(exported.events.first?.attributes["exception.message"] == .string("payment declined"))
        guard case .error = exported.status else {
            Issue.record("status \(exported.status), expected Error")
            return
        }
    }

    @Test("README testing: MockTracer records OpenTracing calls as they were made")
    func mockTracer() {
        let tracer = MockTracer()
        let parent = tracer.startSpan("checkout")
        let child = tracer.startSpan("charge", childOf: parent)
        child.setTag("amount.cents", 1_999)
        child.finish()
        parent.finish()

        let charge = tracer.finishedSpans[0]
        #expect(charge.operationName == "charge")
        #expect(charge.tags["amount.cents"] == 1_999)
        #expect(charge.parentSpanID == tracer.finishedSpans[1].mockContext.spanIDValue)
    }

    @Test("README testing: the OpenTracing compatibility checks run against a tracer harness", arguments: APICompatibilityCheck.all)
    func compatibilityKit(_ check: APICompatibilityCheck) async throws {
        try await check.run(MockTracerHarness())
    }
}

import OTShim
import OTelModel
import OTelTracing
import OpenTracing
import Testing
import Tracing

/// The README section "Migrating a module from OpenTracing to swift-distributed-tracing": its samples compiled, and
/// the right-hand column of its table run against exported spans, so the guide fails here before it lies.
@Suite("README migration guide")
struct MigrationGuideTests {
    /// Step 1, as written (compiled, never run: bootstrapping and registering are once per process).
    static func bootstrapBothAPIs(exporter: any OTelSpanExporter) async throws {
        let provider = OTelTracerProvider(processors: [OTelBatchSpanProcessor(exporter: exporter)])
        InstrumentationSystem.bootstrap(OTelDistributedTracer(provider: provider))  // once per process
        GlobalTracer.register(OpenTracingShim.makeTracer(provider: provider))
        // … at exit:
        try await provider.forceFlush()
        await provider.shutdown()
    }

    /// The module under test in step 4.
    struct Checkout {
        func run() async throws {
            try await withSpan("checkout") { _ in try await Task.sleep(for: .zero) }
        }
    }

    struct PaymentDeclined: Error {}

    @Test("step 4: withTracer keeps a test off the process-wide bootstrap, and the exported spans are asserted")
    func testingTheMigratedModule() async throws {
        let exporter = OTelInMemorySpanExporter()
        let provider = OTelTracerProvider(processors: [OTelSimpleSpanProcessor(exporter: exporter)])
        try await withTracer(OTelDistributedTracer(provider: provider)) {
            try await Checkout().run()
        }
        try await provider.forceFlush()
        #expect(exporter.finishedSpans.map(\.name) == ["checkout"])
    }

    @Test("step 2: each swift-distributed-tracing replacement in the table records what the OpenTracing call did")
    func tableReplacements() async throws {
        let fixture = MixedFixture()
        withTracer(fixture.sdt) {
            let other = startSpan("other")
            other.end()
            let span = startSpan("op", ofKind: .client)
            span.attributes["k"] = "v"
            span.setStatus(SpanStatus(code: .error, message: "timeout"))
            span.addEvent(SpanEvent(name: "cache.miss", attributes: ["cache.key": "42"]))
            span.recordError(PaymentDeclined())
            span.operationName = "x"
            span.addLink(SpanLink(context: other.context, attributes: [:]))
            span.end(at: DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: 1_700_000_000_123_456_789))

            withSpan("server", context: .topLevel, ofKind: .server) { server in
                #expect(
                    InstrumentationSystem.tracer.activeSpan(identifiedBy: .current ?? .topLevel)?.context.otelContext?
                        .span === (server as? OTelDistributedSpan)?.otelSpan
                )
            }

            var c = ServiceContext.current ?? .topLevel
            c.otelBaggage = c.otelBaggage.setting(name: "k", value: "v")
            ServiceContext.$current.withValue(c) {
                #expect((ServiceContext.current ?? .topLevel).otelBaggage["k"] == "v")
                var headers: [String: String] = [:]
                InstrumentationSystem.instrument.inject(
                    ServiceContext.current ?? .topLevel,
                    into: &headers,
                    using: DictionaryInjector()
                )
                #expect(parseBaggageHeader(headers["baggage"]) == ["k": "v"])

                var extracted = ServiceContext.topLevel
                InstrumentationSystem.instrument.extract(headers, into: &extracted, using: DictionaryExtractor())
                #expect(extracted.otelBaggage["k"] == "v")
                let child = fixture.ot.startSpan("ot")
                #expect(child.baggageItem("k") == "v")
                child.finish()
            }
        }

        let spans = try await fixture.exportedSpansByName()
        let span = try #require(spans["x"])
        #expect(span.kind == .client)
        #expect(span.attributes["k"] == .string("v"))
        #expect(span.status == .error(description: "timeout"))
        #expect(span.events.map(\.name) == ["cache.miss", "exception"])
        #expect(span.events.first?.attributes["cache.key"] == .string("42"))
        #expect(span.events.last?.attributes["exception.type"] == .string(String(reflecting: PaymentDeclined.self)))
        #expect(span.links.map(\.context.spanID) == [spans["other"]?.context.spanID])
        #expect(span.endTime == 1_700_000_000_123_456_789)
        #expect(spans["server"]?.kind == .server)
    }
}

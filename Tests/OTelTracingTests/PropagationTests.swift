import OTelModel
import OTelTracing
import OpenTracing
import Testing
import Tracing

@Suite("Propagation through either API, with the same propagators")
struct PropagationTests {
    @Test("SDT inject → OT extract: the OpenTracing server span continues the swift-distributed-tracing trace")
    func distributedToOpenTracing() async throws {
        let fixture = MixedFixture()
        var headers: [String: String] = [:]
        fixture.sdt.withSpan("client", ofKind: .client) { span in
            var context = span.context
            context.otelBaggage = context.otelBaggage.setting(name: "tenant", value: "acme")
            fixture.sdt.inject(context, into: &headers, using: DictionaryInjector())
        }
        let extracted = try #require(try fixture.ot.extract(format: .httpHeaders, from: headers))
        #expect(extracted.baggageItems == ["tenant": "acme"])
        let server = fixture.ot.startSpan("server", childOf: extracted)
        #expect(server.baggageItem("tenant") == "acme")
        server.finish()
        let spans = try await fixture.exportedSpans()
        expectChain(["client", "server"], in: spans)
        #expect(spans.first { $0.name == "server" }?.parentIsRemote == true)
    }

    @Test("OT inject → SDT extract: a withSpan server span continues the OpenTracing trace, baggage included")
    func openTracingToDistributed() async throws {
        let fixture = MixedFixture()
        var headers: [String: String] = [:]
        let client = fixture.ot.startSpan("client")
        client.setBaggageItem("user", "u-1")
        try fixture.ot.inject(client.context, format: .httpHeaders, into: &headers)
        client.finish()

        var context = InstrumentationContext.topLevel
        fixture.sdt.extract(headers, into: &context, using: DictionaryExtractor())
        #expect(context.otelBaggage["user"] == "u-1")
        fixture.sdt.withSpan("server", context: context, ofKind: .server) { _ in
            #expect(fixture.ot.activeSpan?.baggageItem("user") == "u-1")
            fixture.ot.startSpan("server-work").finish()
        }
        let spans = try await fixture.exportedSpans()
        expectChain(["client", "server", "server-work"], in: spans)
    }

    @Test("inside an imperative OpenTracing scope, SDT inject of the current context writes the OpenTracing span")
    func injectSeesImperativeScope() throws {
        let fixture = MixedFixture()
        let scope = fixture.ot.startActiveSpan("ot")
        scope.span.setBaggageItem("k", "v")
        defer { scope.close() }
        var headers: [String: String] = [:]
        fixture.sdt.inject(InstrumentationContext.current ?? .topLevel, into: &headers, using: DictionaryInjector())
        var openTracingHeaders: [String: String] = [:]
        try fixture.ot.inject(scope.span.context, format: .httpHeaders, into: &openTracingHeaders)
        #expect(headers["traceparent"] == openTracingHeaders["traceparent"])
        #expect(headers["traceparent"]?.contains(scope.span.context.spanID) == true)
    }

    @Test("nothing is injected without a span or baggage, and extracting nothing leaves the context unchanged")
    func emptyContext() async {
        let fixture = MixedFixture()
        await Task.detached {
            var headers: [String: String] = [:]
            fixture.sdt.inject(.topLevel, into: &headers, using: DictionaryInjector())
            #expect(headers.isEmpty)
            var context = InstrumentationContext.topLevel
            fixture.sdt.extract(["traceparent": "garbage"], into: &context, using: DictionaryExtractor())
            #expect(context.otelContext == nil)
        }.value
    }

    @Test("a configured propagator is used by both APIs (B3 multi-header)")
    func configuredPropagator() async throws {
        let fixture = MixedFixture(propagator: OTelB3Propagator(injectEncoding: .multipleHeaders))
        var headers: [String: String] = [:]
        fixture.sdt.withSpan("client") { span in
            fixture.sdt.inject(span.context, into: &headers, using: DictionaryInjector())
        }
        #expect(headers["traceparent"] == nil)
        #expect(headers["x-b3-spanid"] != nil)
        let extracted = try #require(try fixture.ot.extract(format: .httpHeaders, from: headers))
        fixture.ot.startSpan("server", childOf: extracted).finish()
        expectChain(["client", "server"], in: try await fixture.exportedSpans())
    }

    @Test("prefix-based baggage (Jaeger uberctx-) is extracted from listable carriers such as HTTP header lists")
    func listableCarriers() async throws {
        let fixture = MixedFixture(propagator: OTelJaegerPropagator())
        var headers = HeaderList()
        fixture.sdt.withSpan("client") { span in
            var context = span.context
            context.otelBaggage = context.otelBaggage.setting(name: "region", value: "eu")
            fixture.sdt.inject(context, into: &headers, using: HeaderListInjector())
        }
        #expect(headers.fields.contains { $0.name == "uberctx-region" && $0.value == "eu" })
        var context = InstrumentationContext.topLevel
        fixture.sdt.extract(headers, into: &context, using: HeaderListExtractor())
        #expect(context.otelBaggage["region"] == "eu")
        fixture.sdt.withSpan("server", context: context) { _ in }
        expectChain(["client", "server"], in: try await fixture.exportedSpans())
    }

    @Test("an extracted B3 debug flag is carried to withSpan children and injected again")
    func debugFlag() throws {
        let fixture = MixedFixture(propagator: OTelB3Propagator(injectEncoding: .singleHeader))
        let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
        var context = InstrumentationContext.topLevel
        fixture.sdt.extract(["b3": "\(traceID)-00f067aa0ba902b7-d"], into: &context, using: DictionaryExtractor())
        var headers: [String: String] = [:]
        fixture.sdt.withSpan("server", context: context) { span in
            fixture.sdt.inject(span.context, into: &headers, using: DictionaryInjector())
        }
        let b3 = try #require(headers["b3"])
        #expect(b3.hasPrefix(traceID + "-"))
        #expect(!b3.contains("00f067aa0ba902b7"), "the child's span id is injected")
        #expect(b3.hasSuffix("-d"))
    }

    @Test("a jaeger-debug-id request starts a debug trace whose root span carries the id")
    func jaegerDebugID() async throws {
        let fixture = MixedFixture(propagator: OTelJaegerPropagator())
        var context = InstrumentationContext.topLevel
        fixture.sdt.extract(["jaeger-debug-id": "dbg-17"], into: &context, using: DictionaryExtractor())
        var headers: [String: String] = [:]
        fixture.sdt.withSpan("server", context: context) { span in
            fixture.sdt.inject(span.context, into: &headers, using: DictionaryInjector())
        }
        let server = try await fixture.exportedSpan(named: "server")
        #expect(server.parentSpanID == nil)
        #expect(server.attributes["jaeger-debug-id"] == .string("dbg-17"))
        let flags = try #require(headers["uber-trace-id"]?.split(separator: ":").last)
        #expect(Int(flags, radix: 16).map { $0 & 0x03 } == 0x03, "sampled and debug")
    }
}

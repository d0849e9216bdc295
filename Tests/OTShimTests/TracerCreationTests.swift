import Foundation
import Logging
import OTShim
import OTelModel
import OpenTracing
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Create tracer shim (OT-1 … OT-8)")
struct TracerCreationTests {
    @Test("OT-5, OT-7 makeTracer returns an OpenTracing tracer recording under scope 'opentracing-shim' + version")
    func tracerScope() async throws {
        let fixture = ShimFixture()
        let tracer: any OpenTracing.Tracer = fixture.tracer
        tracer.startSpan("scoped").finish()
        let span = try await fixture.exportedSpan(named: "scoped")
        #expect(span.instrumentationScope.name == "opentracing-shim")
        #expect(span.instrumentationScope.version == OTelLibrary.version)
        #expect(OpenTracingShim.version == OTelLibrary.version)
        #expect(OpenTracingShim.instrumentationScopeName == "opentracing-shim")
    }

    @Test("OT-6 text map and HTTP headers use their own propagators")
    func separatePropagators() throws {
        let fixture = ShimFixture(
            textMapPropagator: OTelB3Propagator(injectEncoding: .multipleHeaders),
            httpHeadersPropagator: OTelJaegerPropagator()
        )
        let span = fixture.tracer.startSpan("two formats")
        defer { span.finish() }
        var textMap: [String: String] = [:]
        var headers: [String: String] = [:]
        try fixture.tracer.inject(span.context, format: .textMap, into: &textMap)
        try fixture.tracer.inject(span.context, format: .httpHeaders, into: &headers)
        #expect(textMap["x-b3-traceid"] == span.context.traceID)
        #expect(textMap["x-b3-spanid"] == span.context.spanID)
        #expect(textMap["uber-trace-id"] == nil)
        #expect(headers["uber-trace-id"] == "\(span.context.traceID):\(span.context.spanID):0:1")
        #expect(headers["x-b3-traceid"] == nil)
        // Each format extracts with its own propagator only.
        #expect(try fixture.tracer.extract(format: .textMap, from: headers) == nil)
        #expect(try fixture.tracer.extract(format: .httpHeaders, from: headers)?.spanID == span.context.spanID)
        #expect(try fixture.tracer.extract(format: .textMap, from: textMap)?.spanID == span.context.spanID)
    }

    @Test("OT-6 one propagator serves both formats when no format-specific one is given")
    func onePropagatorForBoth() throws {
        let fixture = ShimFixture(propagator: OTelB3Propagator(injectEncoding: .singleHeader))
        let span = fixture.tracer.startSpan("b3")
        defer { span.finish() }
        for format in [Format.textMap, .httpHeaders] {
            var carrier: [String: String] = [:]
            try fixture.tracer.inject(span.context, format: format, into: &carrier)
            #expect(carrier == ["b3": "\(span.context.traceID)-\(span.context.spanID)-1"])
        }
    }

    @Test("OT-8 without configuration the shim propagates W3C trace context and baggage, never nothing")
    func defaultPropagatorsAreNotNoop() throws {
        guard getenv("OTEL_PROPAGATORS") == nil else { return }  // an explicit choice wins; see the next test
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("defaults")
        span.setBaggageItem("tenant", "acme")
        defer { span.finish() }
        for format in [Format.textMap, .httpHeaders] {
            var carrier: [String: String] = [:]
            try fixture.tracer.inject(span.context, format: format, into: &carrier)
            // Flags: sampled (0x01), plus random (0x02) for the provider's random trace ids.
            #expect(carrier["traceparent"] == "00-\(span.context.traceID)-\(span.context.spanID)-03")
            #expect(carrier["baggage"] == "tenant=acme")
        }
    }

    @Test("OT-6 a format-specific propagator replaces the default for that format only")
    func oneFormatSpecificPropagator() throws {
        guard getenv("OTEL_PROPAGATORS") == nil else { return }
        let fixture = ShimFixture(textMapPropagator: OTelB3Propagator())
        let span = fixture.tracer.startSpan("mixed")
        defer { span.finish() }
        var textMap: [String: String] = [:]
        var headers: [String: String] = [:]
        try fixture.tracer.inject(span.context, format: .textMap, into: &textMap)
        try fixture.tracer.inject(span.context, format: .httpHeaders, into: &headers)
        #expect(Array(textMap.keys) == ["b3"])
        #expect(headers["traceparent"] != nil)
    }

    @Test("OT-8 OTEL_PROPAGATORS chooses the default propagators")
    func environmentChoosesPropagators() throws {
        let composite = OTelPropagators.fromEnvironment(["OTEL_PROPAGATORS": "jaeger"], logger: .init(label: "test"))
        let fixture = ShimFixture(propagator: composite)
        let span = fixture.tracer.startSpan("env")
        defer { span.finish() }
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(span.context, format: .httpHeaders, into: &carrier)
        #expect(carrier.keys.sorted() == ["uber-trace-id"])
    }

    @Test("OT-2 the public API is OpenTracing conformances plus the factory and its inputs")
    func publicSurface() throws {
        let sources = try SourceTree.files(under: "Sources/OTShim")
        #expect(!sources.isEmpty)
        var publicTypes: Set<String> = []
        var leaks: [String] = []
        let allowedOTelTypes: Set<String> = ["OTelModel", "OTelTracerProvider", "OTelTextMapPropagator", "OTelLibrary"]
        for (path, text) in sources {
            for line in text.split(separator: "\n") where line.contains("public ") && !line.contains("///") {
                for keyword in ["enum ", "struct ", "class ", "protocol ", "actor "] {
                    if let range = line.range(of: "public " + keyword) ?? line.range(of: "public final " + keyword) {
                        publicTypes.insert(String(line[range.upperBound...].prefix { $0.isLetter || $0.isNumber }))
                    }
                }
                for word in line.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where word.hasPrefix("OTel") {
                    if !allowedOTelTypes.contains(String(word)) { leaks.append("\(path): \(line)") }
                }
            }
        }
        #expect(
            publicTypes == ["OpenTracingShim", "Configuration", "OpenTracingShimTracer", "BinarySpanContextFormat"])
        #expect(leaks == [])
    }
}

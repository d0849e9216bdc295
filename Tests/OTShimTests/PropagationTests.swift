import OTShim
import OTelModel
import OpenTracing
import Testing

@Suite("Inject and extract (OT-19 … OT-28)")
struct PropagationTests {
    @Test("OT-19 inject writes the span context and its baggage through the format's propagator")
    func injectWritesContextAndBaggage() throws {
        let fixture = ShimFixture(
            propagator: OTelCompositePropagator([OTelW3CTraceContextPropagator(), OTelW3CBaggagePropagator()]))
        let span = fixture.tracer.startSpan("client")
        span.setBaggageItem("user", "42")
        defer { span.finish() }
        var carrier = HeaderList()
        try fixture.tracer.inject(span.context, format: .httpHeaders, into: &carrier)
        #expect(carrier["traceparent"] == "00-\(span.context.traceID)-\(span.context.spanID)-03")
        #expect(carrier["baggage"] == "user=42")
    }

    @Test("OT-20 inject writes non-empty baggage even without a valid span context")
    func injectBaggageWithoutSpanContext() throws {
        let fixture = ShimFixture()
        let baggageOnly = try #require(try fixture.tracer.extract(format: .textMap, from: ["baggage": "tenant=acme"]))
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(baggageOnly, format: .textMap, into: &carrier)
        #expect(carrier == ["baggage": "tenant=acme"])
        var binary = BinaryCarrier()
        try fixture.tracer.inject(baggageOnly, format: .binary, into: &binary)
        #expect(try fixture.tracer.extract(format: .binary, from: binary)?.baggageItems == ["tenant": "acme"])
    }

    @Test("OT-21 an unknown format throws unsupportedFormat on inject and extract")
    func unknownFormat() throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("s")
        defer { span.finish() }
        let custom = Format(name: "custom")
        var carrier: [String: String] = [:]
        #expect(throws: OpenTracingError.unsupportedFormat(custom)) {
            try fixture.tracer.inject(span.context, format: custom, into: &carrier)
        }
        #expect(throws: OpenTracingError.unsupportedFormat(custom)) {
            _ = try fixture.tracer.extract(format: custom, from: carrier)
        }
    }

    @Test("a carrier that does not fit the format throws invalidCarrier, naming the format and type")
    func invalidCarriers() throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("s")
        defer { span.finish() }
        var number = 1
        var binary = BinaryCarrier()
        var dictionary: [String: String] = [:]
        #expect(throws: OpenTracingError.invalidCarrier(format: .textMap, carrierType: "Int")) {
            try fixture.tracer.inject(span.context, format: .textMap, into: &number)
        }
        #expect(throws: OpenTracingError.invalidCarrier(format: .httpHeaders, carrierType: "BinaryCarrier")) {
            try fixture.tracer.inject(span.context, format: .httpHeaders, into: &binary)
        }
        #expect(throws: OpenTracingError.invalidCarrier(format: .httpHeaders, carrierType: "Int")) {
            _ = try fixture.tracer.extract(format: .httpHeaders, from: number)
        }
        #expect(throws: OpenTracingError.invalidCarrier(format: .binary, carrierType: "Dictionary<String, String>")) {
            try fixture.tracer.inject(span.context, format: .binary, into: &dictionary)
        }
        #expect(throws: OpenTracingError.invalidCarrier(format: .binary, carrierType: "Dictionary<String, String>")) {
            _ = try fixture.tracer.extract(format: .binary, from: dictionary)
        }
    }

    @Test("OT-23 a span context of another tracer is injected from its hex ids and baggage, and reported")
    func injectForeignContext() throws {
        let fixture = ShimFixture()
        let mock = MockSpanContext(traceIDValue: 0x1234, spanIDValue: 0x5678, baggage: ["k": "v"])
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(mock, format: .textMap, into: &carrier)
        #expect(carrier["traceparent"] == "00-00000000000000000000000000001234-0000000000005678-01")
        #expect(carrier["baggage"] == "k=v")
        #expect(fixture.logs.all.contains { $0.message.contains("another tracer") })
    }

    @Test("OT-24 extract starts from an empty context: an empty carrier gives nil even under an active span")
    func extractIgnoresActiveSpan() throws {
        let fixture = ShimFixture()
        let scope = fixture.tracer.startActiveSpan("active")
        scope.span.setBaggageItem("ambient", "x")
        defer { scope.close() }
        #expect(try fixture.tracer.extract(format: .httpHeaders, from: [String: String]()) == nil)
        #expect(try fixture.tracer.extract(format: .textMap, from: HeaderList()) == nil)
        let extracted = try #require(try fixture.tracer.extract(format: .httpHeaders, from: ["baggage": "k=v"]))
        #expect(extracted.baggageItems == ["k": "v"])
        #expect(extracted.traceID == String(repeating: "0", count: 32))
    }

    @Test("OT-25 extract returns a valid context with the remote ids and baggage")
    func extractValid() async throws {
        let fixture = ShimFixture()
        let carrier = [
            "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "tracestate": "congo=t61rcWkgMzE", "baggage": "a=1,b=2",
        ]
        let extracted = try #require(try fixture.tracer.extract(format: .httpHeaders, from: carrier))
        #expect(extracted.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(extracted.spanID == "b7ad6b7169203331")
        #expect(extracted.baggageItems == ["a": "1", "b": "2"])
        fixture.tracer.startSpan("server", childOf: extracted).finish()
        let server = try await fixture.exportedSpan(named: "server")
        #expect(server.parentSpanID?.hexString == "b7ad6b7169203331")
        #expect(server.parentIsRemote)
        #expect(server.context.traceState["congo"] == "t61rcWkgMzE")
    }

    @Test("OT-25 extract returns an invalid but sampled context for jaeger-debug-id, and children stay debug")
    func extractJaegerDebugID() async throws {
        let fixture = ShimFixture(propagator: OTelJaegerPropagator())
        let extracted = try #require(try fixture.tracer.extract(format: .httpHeaders, from: ["jaeger-debug-id": "abc"]))
        #expect(extracted.traceID == String(repeating: "0", count: 32))
        let child = fixture.tracer.startSpan("debugged", childOf: extracted)
        var outgoing: [String: String] = [:]
        try fixture.tracer.inject(child.context, format: .httpHeaders, into: &outgoing)
        #expect(outgoing["uber-trace-id"] == "\(child.context.traceID):\(child.context.spanID):0:3")
        child.finish()
        let exported = try await fixture.exportedSpan(named: "debugged")
        #expect(exported.parentSpanID == nil)
        #expect(exported.context.isSampled)
    }

    @Test("a jaeger-debug-id root span is tagged with it, as Jaeger clients do")
    func jaegerDebugIDAttribute() async throws {
        let fixture = ShimFixture(propagator: OTelJaegerPropagator())
        let extracted = try #require(
            try fixture.tracer.extract(format: .httpHeaders, from: ["jaeger-debug-id": "find-me"]))
        let root = fixture.tracer.startSpan("debug root", childOf: extracted)
        fixture.tracer.startSpan("debug child", childOf: root).finish()
        root.finish()
        #expect(try await fixture.exportedSpan(named: "debug root").attributes["jaeger-debug-id"] == .string("find-me"))
        #expect(try await fixture.exportedSpan(named: "debug child").attributes["jaeger-debug-id"] == nil)
    }

    @Test("the debug mark of an extracted B3 context reaches implicit children through activation")
    func debugThroughActivation() async throws {
        let fixture = ShimFixture(propagator: OTelB3Propagator())
        let headers = ["b3": "0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-d"]
        let outgoing: [String: String] = try await onNewThread {
            Result {
                let extracted = try fixture.tracer.extract(format: .httpHeaders, from: headers)
                let scope = fixture.tracer.startActiveSpan("server", childOf: extracted)
                defer { scope.close() }
                let client = fixture.tracer.startSpan("client")
                defer { client.finish() }
                var outgoing: [String: String] = [:]
                try fixture.tracer.inject(client.context, format: .httpHeaders, into: &outgoing)
                return outgoing
            }
        }.get()
        let client = try await fixture.exportedSpan(named: "client")
        #expect(outgoing["b3"] == "0af7651916cd43dd8448eb211c80319c-\(client.context.spanID.hexString)-d")
    }

    @Test("the debug mark of an OTelModel context extracted natively reaches shim spans started in it")
    func debugFromNativeContext() throws {
        let fixture = ShimFixture(propagator: OTelB3Propagator())
        let extracted = OTelB3Propagator().extract(from: ["b3": "0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-d"])
        let span = OTelContext.withValue(OTelContext(extracted: extracted)) { fixture.tracer.startSpan("shim span") }
        defer { span.finish() }
        var outgoing: [String: String] = [:]
        try fixture.tracer.inject(span.context, format: .httpHeaders, into: &outgoing)
        #expect(outgoing["b3"] == "0af7651916cd43dd8448eb211c80319c-\(span.context.spanID)-d")
    }

    @Test("OT-25, OT-26 extract returns a baggage-only context; with nothing found it returns nil, never throws")
    func extractBaggageOnlyOrNil() throws {
        let fixture = ShimFixture()
        #expect(
            try fixture.tracer.extract(format: .textMap, from: ["baggage": "only=this"])?.baggageItems == [
                "only": "this"
            ])
        #expect(try fixture.tracer.extract(format: .textMap, from: ["x-request-id": "1"]) == nil)
        #expect(try fixture.tracer.extract(format: .textMap, from: [String: String]()) == nil)
    }

    @Test("OT-27 extract matches field names case-insensitively, from dictionaries and other readers")
    func caseInsensitiveExtract() throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("client")
        span.setBaggageItem("user", "42")
        defer { span.finish() }
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(span.context, format: .httpHeaders, into: &carrier)
        let upper = Dictionary(uniqueKeysWithValues: carrier.map { ($0.key.uppercased(), $0.value) })
        let list = HeaderList(pairs: carrier.map { (Self.alternatingCase($0.key), $0.value) })
        for extracted in [
            try fixture.tracer.extract(format: .httpHeaders, from: upper),
            try fixture.tracer.extract(format: .textMap, from: list),
        ] {
            #expect(extracted?.spanID == span.context.spanID)
            #expect(extracted?.baggageItems == ["user": "42"])
        }
    }

    static func alternatingCase(_ text: String) -> String {
        String(text.enumerated().map { $0.offset.isMultiple(of: 2) ? Character($0.element.uppercased()) : $0.element })
    }

    @Test("OT-28 malformed fields never throw: a bad traceparent is skipped and valid baggage still extracts")
    func malformedHeaders() throws {
        let fixture = ShimFixture()
        let garbage: [[String: String]] = [
            ["traceparent": "00-zzzz-1-01"],
            ["traceparent": "00-00000000000000000000000000000000-0000000000000000-01"],
            ["traceparent": String(repeating: "f", count: 10_000)],
            ["baggage": "=,;;==%%%"],
            ["traceparent": "\u{0}\u{1}", "tracestate": "\u{FFFF}"],
        ]
        for carrier in garbage {
            #expect(try fixture.tracer.extract(format: .httpHeaders, from: carrier) == nil, "\(carrier.keys.sorted())")
        }
        let mixed = try fixture.tracer.extract(format: .httpHeaders, from: ["traceparent": "bad", "baggage": "k=v"])
        #expect(mixed?.baggageItems == ["k": "v"])
        #expect(mixed?.spanID == String(repeating: "0", count: 16))
    }

    @Test("inject and extract work with any TextMapWriter/TextMapReader, not only dictionaries")
    func customCarriers() throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("custom carrier")
        defer { span.finish() }
        var list = HeaderList(pairs: [("content-type", "text/plain")])
        try fixture.tracer.inject(span.context, format: .textMap, into: &list)
        #expect(list["content-type"] == "text/plain")
        #expect(list["traceparent"] != nil)
        #expect(try fixture.tracer.extract(format: .textMap, from: list)?.spanID == span.context.spanID)
        var existential: any TextMapWriter = [String: String]()
        try fixture.tracer.inject(span.context, format: .httpHeaders, into: &existential)
        #expect((existential as? [String: String])?["traceparent"] != nil)
    }
}

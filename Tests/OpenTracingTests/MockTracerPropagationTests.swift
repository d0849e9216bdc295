import OpenTracing
import Testing

@Suite("MockTracer propagation")
struct MockTracerPropagationTests {
    private func sampleContext() -> MockSpanContext {
        MockSpanContext(
            traceIDValue: 0x0123_4567_89ab_cdef,
            spanIDValue: 0x0000_0000_0000_00ff,
            baggage: ["user": "ada lovelace", "ünï": "çødé=1;2", "empty": ""],
            isSampled: false
        )
    }

    @Test("text map inject writes the ot-tracer keys, 16 hex digits, and ot-baggage- items verbatim")
    func textMapKeys() throws {
        let tracer = MockTracer()
        var carrier: [String: String] = [:]
        try tracer.inject(sampleContext(), format: .textMap, into: &carrier)
        #expect(carrier == [
            "ot-tracer-traceid": "0123456789abcdef",
            "ot-tracer-spanid": "00000000000000ff",
            "ot-tracer-sampled": "false",
            "ot-baggage-user": "ada lovelace",
            "ot-baggage-ünï": "çødé=1;2",
            "ot-baggage-empty": "",
        ])
    }

    @Test("HTTP header inject percent-encodes baggage values")
    func httpHeadersPercentEncode() throws {
        let tracer = MockTracer()
        var carrier: [String: String] = [:]
        try tracer.inject(sampleContext(), format: .httpHeaders, into: &carrier)
        #expect(carrier["ot-baggage-user"] == "ada%20lovelace")
        #expect(carrier["ot-baggage-ünï"] == "%C3%A7%C3%B8d%C3%A9%3D1%3B2")
    }

    @Test("each format round-trips ids, sampled flag and baggage", arguments: [Format.textMap, .httpHeaders])
    func textRoundTrip(format: Format) throws {
        let tracer = MockTracer()
        var carrier: [String: String] = [:]
        try tracer.inject(sampleContext(), format: format, into: &carrier)
        let extracted = try #require(try tracer.extract(format: format, from: carrier) as? MockSpanContext)
        #expect(extracted == sampleContext())
    }

    @Test("binary round-trips ids, sampled flag and baggage")
    func binaryRoundTrip() throws {
        let tracer = MockTracer()
        var carrier = BinaryCarrier()
        try tracer.inject(sampleContext(), format: .binary, into: &carrier)
        #expect(carrier.bytes.prefix(18) == [1, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0, 0, 0, 0, 0, 0, 0, 0xff, 0])
        let extracted = try #require(try tracer.extract(format: .binary, from: carrier) as? MockSpanContext)
        #expect(extracted == sampleContext())
    }

    @Test("extraction matches keys case-insensitively")
    func caseInsensitiveKeys() throws {
        let tracer = MockTracer()
        let carrier = ["OT-TRACER-TRACEID": "ABC", "Ot-Tracer-SpanId": "1", "OT-TRACER-SAMPLED": "TRUE"]
        let extracted = try #require(try tracer.extract(format: .textMap, from: carrier) as? MockSpanContext)
        #expect(extracted.traceIDValue == 0xabc)
        #expect(extracted.spanIDValue == 1)
        #expect(extracted.isSampled)
    }

    @Test("a carrier without ot-tracer keys or bytes extracts nil")
    func nothingFound() throws {
        let tracer = MockTracer()
        #expect(try tracer.extract(format: .textMap, from: ["content-type": "text/plain"]) == nil)
        #expect(try tracer.extract(format: .httpHeaders, from: [String: String]()) == nil)
        #expect(try tracer.extract(format: .binary, from: BinaryCarrier()) == nil)
    }

    @Test(
        "malformed or missing ids, a bad sampled flag or bad percent-encoding throw spanContextCorrupted",
        arguments: [
            ["ot-tracer-traceid": "xyz", "ot-tracer-spanid": "1"],
            ["ot-tracer-traceid": "1", "ot-tracer-spanid": "0"],
            ["ot-tracer-traceid": "1", "ot-tracer-spanid": "12345678901234567"],
            ["ot-tracer-traceid": "1"],
            ["ot-tracer-traceid": "1", "ot-tracer-spanid": "2", "ot-tracer-sampled": "maybe"],
            ["ot-tracer-traceid": "1", "ot-tracer-spanid": "2", "ot-baggage-k": "%zz"],
            ["ot-baggage-k": "v"],
        ]
    )
    func corruptedTextMap(carrier: [String: String]) {
        let tracer = MockTracer()
        #expect {
            _ = try tracer.extract(format: .httpHeaders, from: carrier)
        } throws: { error in
            if case .spanContextCorrupted = error as? OpenTracingError { true } else { false }
        }
    }

    @Test("truncated, trailing, zero-id or unknown-version binary data throws spanContextCorrupted")
    func corruptedBinary() throws {
        let tracer = MockTracer()
        var carrier = BinaryCarrier()
        try tracer.inject(sampleContext(), format: .binary, into: &carrier)
        let valid = carrier.bytes
        var cases: [[UInt8]] = (1..<valid.count).map { Array(valid.prefix($0)) }
        cases.append(valid + [0])
        cases.append([2] + valid.dropFirst())
        cases.append([1] + [UInt8](repeating: 0, count: 21))
        cases.append([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0xff, 0xff, 0xff, 0xff])
        for bytes in cases {
            #expect {
                _ = try tracer.extract(format: .binary, from: BinaryCarrier(bytes: bytes))
            } throws: { error in
                if case .spanContextCorrupted = error as? OpenTracingError { true } else { false }
            }
        }
    }

    @Test("a carrier of the wrong type throws invalidCarrier; an unknown format throws unsupportedFormat")
    func carrierAndFormatErrors() {
        let tracer = MockTracer()
        let context = sampleContext()
        var textMap: [String: String] = [:]
        var binary = BinaryCarrier()
        #expect(throws: OpenTracingError.invalidCarrier(format: .binary, carrierType: "Swift.Dictionary<Swift.String, Swift.String>")) {
            try tracer.inject(context, format: .binary, into: &textMap)
        }
        #expect(throws: OpenTracingError.invalidCarrier(format: .httpHeaders, carrierType: "OpenTracing.BinaryCarrier")) {
            try tracer.inject(context, format: .httpHeaders, into: &binary)
        }
        #expect(throws: OpenTracingError.invalidCarrier(format: .textMap, carrierType: "OpenTracing.BinaryCarrier")) {
            _ = try tracer.extract(format: .textMap, from: binary)
        }
        #expect(throws: OpenTracingError.invalidCarrier(format: .binary, carrierType: "Swift.Dictionary<Swift.String, Swift.String>")) {
            _ = try tracer.extract(format: .binary, from: textMap)
        }
        #expect(throws: OpenTracingError.unsupportedFormat(Format(name: "jaeger"))) {
            try tracer.inject(context, format: Format(name: "jaeger"), into: &textMap)
        }
        #expect(throws: OpenTracingError.unsupportedFormat(Format(name: "jaeger"))) {
            _ = try tracer.extract(format: Format(name: "jaeger"), from: textMap)
        }
    }

    @Test("a span started from an extracted context continues its trace with the extracted span as parent")
    func continueExtractedTrace() throws {
        let client = MockTracer()
        let server = MockTracer()
        let send = try #require(client.startSpan("send") as? MockSpan)
        send.setBaggageItem("tenant", "7")
        var headers: [String: String] = [:]
        try client.inject(send.context, format: .httpHeaders, into: &headers)
        let extracted = try #require(try server.extract(format: .httpHeaders, from: headers))
        let receive = try #require(server.startSpan("receive", childOf: extracted) as? MockSpan)
        #expect(receive.mockContext.traceIDValue == send.mockContext.traceIDValue)
        #expect(receive.parentSpanID == send.mockContext.spanIDValue)
        #expect(receive.baggageItem("tenant") == "7")
    }

    @Test("carriers typed as existentials or Any are accepted by their dynamic type, by the mock and the no-op tracer")
    func existentialCarriers() throws {
        let tracer = MockTracer()
        var writer: any TextMapWriter = [String: String]()
        try tracer.inject(sampleContext(), format: .textMap, into: &writer)
        let reader = try #require(writer as? [String: String])
        let readerAsExistential: any TextMapReader = reader
        #expect(try tracer.extract(format: .textMap, from: readerAsExistential) as? MockSpanContext == sampleContext())
        var binary: Any = BinaryCarrier()
        try tracer.inject(sampleContext(), format: .binary, into: &binary)
        #expect(try tracer.extract(format: .binary, from: binary) as? MockSpanContext == sampleContext())

        let noop = NoopTracer()
        try noop.inject(noop.startSpan("a").context, format: .httpHeaders, into: &writer)
        #expect(try noop.extract(format: .binary, from: binary) == nil)
    }
}

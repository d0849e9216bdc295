import OTLPExporter
import Testing

/// Every byte the encoder writes is decoded again with libprotobuf-c and compared field by field.
@Suite("OTLP protobuf encoding, verified by libprotobuf-c")
struct OTLPProtobufEncodingTests {
    private func roundTrip(_ batch: TestSpanBatch) throws -> OTLPDecodedRequest {
        try OTLPDecodedRequest(protobuf: batch.encodedProtobuf())
    }

    @Test("every span field survives: ids, trace state, parent, name, kind, times, attributes, events, links, status, dropped counts, flags")
    func everyField() throws {
        let batch = TestSpanBatch(spans: [TestSpanBatch.everyField])
        let decoded = try roundTrip(batch)
        #expect(decoded == batch.expectedDecoded)
        let span = try #require(decoded.resourceSpans.first?.scopeSpans.first?.spans.first)
        #expect(span.traceID == TestSpanBatch.everyField.traceID)
        #expect(span.parentSpanID == [0x53, 0x99, 0x5C, 0x3F, 0x42, 0xCD, 0x8A, 0xD8])
        #expect(span.kind == .server)
        #expect(span.startTimeUnixNano == 1_544_712_660_000_000_000)
        #expect(span.attributes.count == 7)
        #expect(span.events.map(\.name) == ["exception", "second"])
        #expect(span.links.map(\.flags) == [0x301, 0x101])
        #expect(span.status == .init(message: "it failed", code: .error))
        #expect((span.droppedAttributesCount, span.droppedEventsCount, span.droppedLinksCount) == (3, 4, 5))
        #expect(decoded.resourceSpans[0].resource?.attributes == [OTLPKeyValue(key: "service.name", value: .string("test-service"))])
    }

    @Test("strings keep U+0000, empty and long (> 16 KiB) values, byte for byte")
    func strings() throws {
        let long = String(repeating: "é0123456789abcdef", count: 1_100)  // 19,800 UTF-8 bytes
        var span = TestSpan()
        span.name = "before\u{0}after"
        span.traceState = long
        span.attributes = [
            OTLPKeyValue(key: "nul\u{0}key", value: .string("\u{0}")),
            OTLPKeyValue(key: "long", value: .string(long)),
            OTLPKeyValue(key: "", value: .string("")),
            OTLPKeyValue(key: "emoji", value: .string("🧵 a\u{1}b")),
        ]
        span.events = [TestEvent(timeUnixNano: 1, name: "")]
        let decoded = try roundTrip(TestSpanBatch(spans: [span]))
        let got = try #require(decoded.resourceSpans.first?.scopeSpans.first?.spans.first)
        #expect(Array(got.name.utf8) == Array("before\u{0}after".utf8))
        #expect(got.name.utf8.count == 12)
        #expect(got.traceState.utf8.count == 19_800)
        #expect(got.attributes == span.attributes)
        #expect(Array(got.attributes[0].key.utf8) == [0x6E, 0x75, 0x6C, 0x00, 0x6B, 0x65, 0x79])
        #expect(got.events[0].name == "")
    }

    @Test("AnyValue members are emitted at their defaults: 0, false, -0.0, empty string and bytes keep their type")
    func anyValueDefaults() throws {
        var span = TestSpan()
        span.attributes = [
            OTLPKeyValue(key: "int", value: .int(0)),
            OTLPKeyValue(key: "bool", value: .bool(false)),
            OTLPKeyValue(key: "double", value: .double(-0.0)),
            OTLPKeyValue(key: "zero", value: .double(0.0)),
            OTLPKeyValue(key: "string", value: .string("")),
            OTLPKeyValue(key: "bytes", value: .bytes([])),
            OTLPKeyValue(key: "array", value: .array([])),
            OTLPKeyValue(key: "nan", value: .double(.nan)),
            OTLPKeyValue(key: "inf", value: .double(-.infinity)),
        ]
        let got = try #require(try roundTrip(TestSpanBatch(spans: [span])).resourceSpans.first?.scopeSpans.first?.spans.first)
        #expect(got.attributes == span.attributes)
        guard case .double(let negativeZero) = got.attributes[2].value else {
            Issue.record("expected a double, got \(got.attributes[2].value)")
            return
        }
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        guard case .double(let nan) = got.attributes[7].value else {
            Issue.record("expected a double")
            return
        }
        #expect(nan.isNaN)
    }

    @Test("negative and extreme int64 attribute values survive (10-byte varints)")
    func negativeInts() throws {
        var span = TestSpan()
        span.attributes = [Int64.min, -1, Int64.max, -300].map { OTLPKeyValue(key: "n", value: .int($0)) }
        let got = try roundTrip(TestSpanBatch(spans: [span])).resourceSpans[0].scopeSpans[0].spans[0]
        #expect(got.attributes.map(\.value) == [.int(.min), .int(-1), .int(.max), .int(-300)])
    }

    @Test("span flags are a fixed32 with the W3C flags in bits 0-7 and the remote bits 8-9")
    func flags() throws {
        var span = TestSpan()
        span.flags = OTLPSpanFlags.make(traceFlags: 0x03, isRemote: true)
        #expect(span.flags == 0x303)
        let bytes = TestSpanBatch(spans: [span]).encodedProtobuf()
        let tagged: [UInt8] = [0x85, 0x01, 0x03, 0x03, 0x00, 0x00]
        #expect(bytes.indices.contains { bytes[$0...].starts(with: tagged) })
        let got = try OTLPDecodedRequest(protobuf: bytes).resourceSpans[0].scopeSpans[0].spans[0]
        #expect(got.flags == 0x303)
        #expect(got.flags & OTLPSpanFlags.contextHasIsRemoteMask != 0)
        #expect(got.flags & OTLPSpanFlags.contextIsRemoteMask != 0)
        #expect(OTLPSpanFlags.make(traceFlags: 0x01, isRemote: false) == 0x101)
    }

    @Test("proto3 defaults are omitted: a span with only ids is the ids and nothing else")
    func defaultsOmitted() throws {
        var span = TestSpan()
        span.name = ""
        span.kind = .unspecified
        span.startTimeUnixNano = 0
        span.endTimeUnixNano = 0
        var writer = ProtobufReverseWriter()
        writer.writeSpan(
            traceID: span.traceID, spanID: span.spanID, parentSpanID: [UInt8](), flags: 0, name: "",
            kind: .unspecified, startTimeUnixNano: 0, endTimeUnixNano: 0, attributes: { _ in }
        )
        #expect(writer.writtenBytes == [0x12, 28, 0x0A, 16] + span.traceID + [0x12, 8] + span.spanID)
        let got = try roundTrip(TestSpanBatch(spans: [span])).resourceSpans[0].scopeSpans[0].spans[0]
        #expect(got.status == nil)
        #expect(got.parentSpanID.isEmpty)
        #expect(got.kind == .unspecified)
        #expect(got == TestSpanBatch(spans: [span]).expectedDecoded.resourceSpans[0].scopeSpans[0].spans[0])
    }

    @Test("an empty batch is the empty message: zero bytes, decoded as no resource spans")
    func emptyBatch() throws {
        let bytes = TestSpanBatch(resources: []).encodedProtobuf()
        #expect(bytes.isEmpty)
        #expect(try OTLPDecodedRequest(protobuf: bytes).resourceSpans.isEmpty)
    }

    @Test("0 and 200 attributes survive, in order")
    func attributeCounts() throws {
        var none = TestSpan()
        none.attributes = []
        var many = TestSpan()
        many.attributes = (0..<200).map { OTLPKeyValue(key: "key.\($0)", value: $0 % 2 == 0 ? .int(Int64($0)) : .string("v\($0)")) }
        let batch = TestSpanBatch(spans: [none, many])
        let spans = try roundTrip(batch).resourceSpans[0].scopeSpans[0].spans
        #expect(spans[0].attributes.isEmpty)
        #expect(spans[1].attributes.count == 200)
        #expect(spans[1].attributes[199] == OTLPKeyValue(key: "key.199", value: .string("v199")))
        #expect(spans[1].attributes == many.attributes)
    }

    @Test("resources, scopes and spans keep their grouping and order")
    func grouping() throws {
        func span(_ name: String) -> TestSpan {
            var span = TestSpan()
            span.name = name
            return span
        }
        let batch = TestSpanBatch(resources: [
            TestResource(schemaURL: "https://opentelemetry.io/schemas/1.26.0", scopes: [
                TestScope(name: "a", version: "1.0", attributes: [OTLPKeyValue(key: "s", value: .bool(true))], droppedAttributesCount: 2,
                          schemaURL: "https://opentelemetry.io/schemas/1.27.0", spans: [span("a1"), span("a2")]),
                TestScope(name: "b", spans: [span("b1")]),
            ]),
            TestResource(attributes: [], droppedAttributesCount: 9, scopes: [TestScope(name: "", spans: [span("c1")])]),
        ])
        let decoded = try roundTrip(batch)
        #expect(decoded == batch.expectedDecoded)
        #expect(decoded.spanCount == 4)
        #expect(decoded.resourceSpans[0].scopeSpans.map { $0.spans.map(\.name) } == [["a1", "a2"], ["b1"]])
        #expect(decoded.resourceSpans[1].resource == .init(attributes: [], droppedAttributesCount: 9, entityRefs: []))
        #expect(decoded.resourceSpans[0].scopeSpans[0].scope?.version == "1.0")
    }

    @Test("Swift scalars and arrays of them encode as AnyValues of the matching type")
    func swiftScalars() throws {
        var writer = ProtobufReverseWriter()
        writer.writeResourceSpans(resourceAttributes: { _ in }, scopeSpans: { w in
            w.writeScopeSpans(scopeName: "s", spans: { w in
                w.writeSpan(
                    traceID: Array(repeating: 1, count: 16), spanID: Array(repeating: 2, count: 8), parentSpanID: [UInt8]?.none,
                    flags: 1, name: "n", kind: .client, startTimeUnixNano: 1, endTimeUnixNano: 2,
                    attributes: { w in
                        w.writeAttributes(field: OTLPField.Span.attributes, [(key: "ints", value: [1, 2, -3])])
                        w.writeKeyValue(field: OTLPField.Span.attributes, key: "d", value: 2.5)
                        w.writeKeyValue(field: OTLPField.Span.attributes, key: "b", value: true)
                        w.writeKeyValue(field: OTLPField.Span.attributes, key: "s", value: "x")
                    }
                )
            })
        })
        let decoded = try OTLPDecodedRequest(protobuf: writer.writtenBytes)
        let span = try #require(decoded.resourceSpans.first?.scopeSpans.first?.spans.first)
        #expect(span.attributes == [
            OTLPKeyValue(key: "s", value: .string("x")),
            OTLPKeyValue(key: "b", value: .bool(true)),
            OTLPKeyValue(key: "d", value: .double(2.5)),
            OTLPKeyValue(key: "ints", value: .array([.int(1), .int(2), .int(-3)])),
        ])
    }
}

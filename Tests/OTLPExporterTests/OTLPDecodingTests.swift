import OTLPExporter
import Testing

@Suite("OTLP decoding with libprotobuf-c: responses, failures, bad input")
struct OTLPDecodingTests {
    @Test("full success is an empty ExportTraceServiceResponse: zero bytes, no partial success")
    func fullSuccess() throws {
        var writer = ProtobufReverseWriter()
        writer.writeExportTraceServiceResponse(partialSuccess: nil)
        #expect(writer.count == 0)
        #expect(try OTLPDecodedResponse(protobuf: writer.writtenBytes) == OTLPDecodedResponse(partialSuccess: nil))
    }

    @Test("a partial success keeps its rejected count and message; a warning has 0 rejected")
    func partialSuccess() throws {
        var writer = ProtobufReverseWriter()
        writer.writeExportTraceServiceResponse(partialSuccess: (rejectedSpans: 42, errorMessage: "too old\u{0}!"))
        #expect(try OTLPDecodedResponse(protobuf: writer.writtenBytes).partialSuccess == .init(rejectedSpans: 42, errorMessage: "too old\u{0}!"))
        writer.reset()
        writer.writeExportTraceServiceResponse(partialSuccess: (rejectedSpans: 0, errorMessage: "warning"))
        #expect(writer.writtenBytes == [0x0A, 0x09, 0x12, 0x07] + Array("warning".utf8))
        #expect(try OTLPDecodedResponse(protobuf: writer.writtenBytes).partialSuccess == .init(rejectedSpans: 0, errorMessage: "warning"))
    }

    @Test("a google.rpc.Status failure body keeps code, message and Any details")
    func rpcStatus() throws {
        var writer = ProtobufReverseWriter()
        writer.writeRPCStatus(code: 3, message: "bad span", details: [
            (typeURL: "type.googleapis.com/google.rpc.BadRequest", value: [0x0A, 0x00]),
            (typeURL: "t", value: []),
        ])
        let status = try OTLPDecodedRPCStatus(protobuf: writer.writtenBytes)
        #expect(status == OTLPDecodedRPCStatus(code: 3, message: "bad span", details: [
            .init(typeURL: "type.googleapis.com/google.rpc.BadRequest", value: [0x0A, 0x00]),
            .init(typeURL: "t", value: []),
        ]))
        #expect(try OTLPDecodedRPCStatus(protobuf: []) == OTLPDecodedRPCStatus(code: 0, message: "", details: []))
    }

    @Test("garbage is a malformed-message error, not a crash")
    func garbage() {
        let cases: [[UInt8]] = [
            [0x0A, 0x05, 0x01],  // length beyond the end
            [0x0B],  // start-group wire type
            [0x0A],  // tag without a length
            [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],  // varint longer than 10 bytes
            [0x0A, 0x02, 0x12, 0x05],  // a nested message cut short
        ]
        for bytes in cases {
            #expect(throws: OTLPDecodingError.malformed(message: "ExportTraceServiceRequest")) {
                try OTLPDecodedRequest(protobuf: bytes)
            }
        }
        #expect(throws: OTLPDecodingError.malformed(message: "ExportTraceServiceResponse")) {
            try OTLPDecodedResponse(protobuf: [0x0A, 0x7F])
        }
        #expect(throws: OTLPDecodingError.malformed(message: "google.rpc.Status")) {
            try OTLPDecodedRPCStatus(protobuf: [0x08])
        }
    }

    @Test("every truncation of a valid request either decodes or throws malformed")
    func truncations() throws {
        let bytes = TestSpanBatch(spans: [TestSpanBatch.everyField]).encodedProtobuf()
        var rejected = 0
        for length in 0..<bytes.count {
            do {
                _ = try OTLPDecodedRequest(protobuf: Array(bytes[..<length]))
            } catch {
                #expect(error == .malformed(message: "ExportTraceServiceRequest"))
                rejected += 1
            }
        }
        // Only cuts at a top-level field boundary (here: 0) can decode.
        #expect(rejected == bytes.count - 1)
    }

    @Test("a string field that is not UTF-8 is rejected with the field's name")
    func invalidUTF8() {
        var writer = ProtobufReverseWriter()
        writer.writeResourceSpans(resourceAttributes: { _ in }, scopeSpans: { w in
            w.writeScopeSpans(scopeName: "s", spans: { w in
                w.writeMessage(field: OTLPField.ScopeSpans.spans) { span in
                    span.writeBytesField(OTLPField.Span.name, [0x61, 0xC3, 0x28])
                }
            })
        })
        #expect(throws: OTLPDecodingError.invalidUTF8(field: "Span.name")) {
            try OTLPDecodedRequest(protobuf: writer.writtenBytes)
        }
    }

    /// A request whose one attribute value is `depth` arrays nested in each other.
    private func nestedArrays(depth: Int) -> [UInt8] {
        var writer = ProtobufReverseWriter()
        writer.writeStringField(OTLPField.AnyValue.stringValue, "bottom")
        for _ in 0..<depth {
            // Wrap everything written so far: AnyValue{array_value: ArrayValue{values: [it]}}.
            writer.writeVarint(UInt64(writer.count))
            writer.writeTag(field: OTLPField.ArrayValue.values, wireType: .lengthDelimited)
            writer.writeVarint(UInt64(writer.count))
            writer.writeTag(field: OTLPField.AnyValue.arrayValue, wireType: .lengthDelimited)
        }
        let wrappers: [UInt32] = [
            OTLPField.KeyValue.value, OTLPField.Span.attributes, OTLPField.ScopeSpans.spans,
            OTLPField.ResourceSpans.scopeSpans, OTLPField.ExportTraceServiceRequest.resourceSpans,
        ]
        for field in wrappers {
            writer.writeVarint(UInt64(writer.count))
            writer.writeTag(field: field, wireType: .lengthDelimited)
        }
        return writer.writtenBytes
    }

    @Test("attribute values nested deeper than the limit are rejected before libprotobuf-c recurses")
    func nestingLimit() throws {
        #expect(throws: OTLPDecodingError.nestingTooDeep(limit: OTLPNestingDepthCheck.limit)) {
            try OTLPDecodedRequest(protobuf: nestedArrays(depth: 200_000))
        }
        // 45 nested arrays (96 message levels) are fine.
        let decoded = try OTLPDecodedRequest(protobuf: nestedArrays(depth: 45))
        var value = try #require(decoded.resourceSpans.first?.scopeSpans.first?.spans.first?.attributes.first?.value)
        var depth = 0
        while case .array(let elements) = value, let first = elements.first {
            value = first
            depth += 1
        }
        #expect(depth == 45)
        #expect(value == .string("bottom"))
    }
}

@Suite("OTLP decoding of corrupted requests")
struct OTLPCorruptionTests {
    /// A deterministic generator (SplitMix64), so a failure is reproducible.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("corrupted bytes decode to some message or throw an OTLPDecodingError, never crash")
    func corruptedBytes() {
        let original = TestSpanBatch(spans: [TestSpanBatch.everyField, TestSpan()]).encodedProtobuf()
        var generator = SplitMix64(state: 0x5EED)
        var decoded = 0
        var rejected: [OTLPDecodingError] = []
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                let request = try OTLPDecodedRequest(protobuf: bytes)
                decoded += 1
                #expect(request.spanCount <= 2 * bytes.count)
            } catch {
                rejected.append(error)
            }
        }
        #expect(decoded > 0)
        #expect(!rejected.isEmpty)
        #expect(rejected.allSatisfy {
            switch $0 {
            case .malformed(message: "ExportTraceServiceRequest"), .invalidUTF8: true
            default: false
            }
        })
    }
}

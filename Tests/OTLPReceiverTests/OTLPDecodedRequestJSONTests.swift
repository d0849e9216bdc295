import Foundation
import OTLPExporter
import Testing

@Suite("OTLP/JSON decoding of an ExportTraceServiceRequest (compat-spec.md §2.1 HTTP-4)")
struct OTLPDecodedRequestJSONTests {
    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    static func decode(_ json: String) throws(OTLPDecodingError) -> OTLPDecodedRequest {
        try OTLPDecodedRequest(json: Array(json.utf8))
    }

    /// One span in the usual envelope.
    static func request(span: String) -> String {
        #"{"resourceSpans":[{"resource":{},"scopeSpans":[{"scope":{},"spans":["# + span + "]}]}]}"
    }

    @Test("What the receiver writes as a JSON line reads back as the same request, one line, no newline inside")
    func roundTrip() throws {
        let request = ReceiverTestFixtures.request
        let json = request.otlpJSON
        #expect(!json.contains(UInt8(ascii: "\n")))
        #expect(try OTLPDecodedRequest(json: json) == request)
        // And it is the same request the protobuf decoder reads from the protobuf encoding.
        #expect(try OTLPDecodedRequest(protobuf: request.protobuf) == OTLPDecodedRequest(json: json))
    }

    @Test(
        "Every field round-trips: absent resource and scope, entity refs, dropped counts, trace state, flags, all AnyValue kinds"
    )
    func everyField() throws {
        let span = OTLPDecodedRequest.Span(
            traceID: Array(1...16), spanID: Array(1...8), traceState: "a=1", parentSpanID: Array(9...16), flags: 0x301,
            name: "n\u{0}\"\\", kind: OTLPSpanKind(rawValue: 9), startTimeUnixNano: .max, endTimeUnixNano: 1,
            attributes: [
                OTLPKeyValue(key: "s", value: .string("é\n")), OTLPKeyValue(key: "b", value: .bool(false)),
                OTLPKeyValue(key: "i", value: .int(.min)), OTLPKeyValue(key: "d", value: .double(-0.0)),
                OTLPKeyValue(key: "nan", value: .double(.nan)), OTLPKeyValue(key: "inf", value: .double(-.infinity)),
                OTLPKeyValue(key: "bytes", value: .bytes([0, 0xFF, 0xFE])), OTLPKeyValue(key: "empty", value: .empty),
                OTLPKeyValue(
                    key: "array",
                    value: .array([.int(1), .array([]), .keyValueList([OTLPKeyValue(key: "k", value: .string("v"))])])),
                OTLPKeyValue(key: "index", value: .stringIndex(7)),
            ],
            droppedAttributesCount: 1,
            events: [OTLPDecodedRequest.Event(timeUnixNano: 5, name: "e", attributes: [], droppedAttributesCount: 2)],
            droppedEventsCount: 3,
            links: [
                OTLPDecodedRequest.Link(
                    traceID: [0xAB], spanID: [], traceState: "t", attributes: [], droppedAttributesCount: 4,
                    flags: 0x100)
            ],
            droppedLinksCount: 5,
            status: OTLPDecodedRequest.Status(message: "m", code: OTLPStatusCode(rawValue: 7))
        )
        let request = OTLPDecodedRequest(resourceSpans: [
            OTLPDecodedRequest.ResourceSpans(resource: nil, scopeSpans: [], schemaURL: ""),
            OTLPDecodedRequest.ResourceSpans(
                resource: OTLPDecodedRequest.Resource(
                    attributes: [],
                    droppedAttributesCount: 6,
                    entityRefs: [
                        OTLPDecodedRequest.EntityRef(
                            schemaURL: "u", type: "service", idKeys: ["service.name"], descriptionKeys: ["a", "b"])
                    ]
                ),
                scopeSpans: [
                    OTLPDecodedRequest.ScopeSpans(scope: nil, spans: [span], schemaURL: "s1"),
                    OTLPDecodedRequest.ScopeSpans(
                        scope: OTLPDecodedRequest.InstrumentationScope(
                            name: "x", version: "1", attributes: [OTLPKeyValue(key: "k", value: .int(1))],
                            droppedAttributesCount: 7),
                        spans: [],
                        schemaURL: ""
                    ),
                ],
                schemaURL: "s2"
            ),
        ])
        #expect(try OTLPDecodedRequest(json: request.otlpJSON) == request)
    }

    @Test("HTTP-4: ids are hex in either case, enums are integers or names, 64-bit integers strings or numbers")
    func tolerantValues() throws {
        let decoded = try Self.decode(
            Self.request(
                span: #"""
                    {"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"eee19b7ec3c1b174","parentSpanId":"AbCdEf0123456789",
                     "kind":"SPAN_KIND_CLIENT","startTimeUnixNano":1544712660000000001,"endTimeUnixNano":"18446744073709551615",
                     "flags":"769","attributes":[{"key":"n","value":{"intValue":-9223372036854775808}},{"key":"s","value":{"intValue":"42"}},
                     {"key":"d","value":{"doubleValue":"NaN"}},{"key":"i","value":{"doubleValue":3}},{"key":"b","value":{"bytesValue":"AP_-"}}],
                     "status":{"code":"STATUS_CODE_ERROR"}}
                    """#))
        let span = try #require(decoded.resourceSpans.first?.scopeSpans.first?.spans.first)
        #expect(
            span.traceID == [
                0x5B, 0x8E, 0xFF, 0xF7, 0x98, 0x03, 0x81, 0x03, 0xD2, 0x69, 0xB6, 0x33, 0x81, 0x3F, 0xC6, 0x0C,
            ])
        #expect(span.spanID == [0xEE, 0xE1, 0x9B, 0x7E, 0xC3, 0xC1, 0xB1, 0x74])
        #expect(span.parentSpanID == [0xAB, 0xCD, 0xEF, 0x01, 0x23, 0x45, 0x67, 0x89])
        #expect(span.kind == .client)
        #expect(span.startTimeUnixNano == 1_544_712_660_000_000_001)
        #expect(span.endTimeUnixNano == .max)
        #expect(span.flags == 769)
        #expect(span.status == OTLPDecodedRequest.Status(message: "", code: .error))
        #expect(
            span.attributes.map(\.value) == [
                .int(.min), .int(42), .double(.nan), .double(3), .bytes([0x00, 0xFF, 0xFE]),
            ])
    }

    @Test("HTTP-4: snake_case keys are read like lowerCamelCase ones; unknown fields and null values are ignored")
    func keysUnknownFieldsAndNull() throws {
        let decoded = try Self.decode(
            #"""
            {"resource_spans":[{"resource":{"attributes":[{"key":"service.name","value":{"string_value":"svc"}}],"dropped_attributes_count":2,"futureField":[1,2]},
              "scope_spans":[{"scope":{"name":"lib","unknown":{"deep":{"x":null}}},"spans":[
                {"trace_id":"0102030405060708090a0b0c0d0e0f10","span_id":"0102030405060708","name":"s","parent_span_id":null,
                 "start_time_unix_nano":"1","end_time_unix_nano":"2","dropped_events_count":3,"status":null,"events":null,"extra":true}]}],
              "schema_url":"https://example.com"}],"somethingNew":{}}
            """#)
        let resourceSpans = try #require(decoded.resourceSpans.only)
        #expect(resourceSpans.resource?.attributes == [OTLPKeyValue(key: "service.name", value: .string("svc"))])
        #expect(resourceSpans.resource?.droppedAttributesCount == 2)
        #expect(resourceSpans.schemaURL == "https://example.com")
        let span = try #require(resourceSpans.scopeSpans.only?.spans.only)
        #expect(span.name == "s")
        #expect(span.parentSpanID == [])
        #expect(span.startTimeUnixNano == 1)
        #expect(span.droppedEventsCount == 3)
        #expect(span.status == nil)
        #expect(span.events.isEmpty)
    }

    @Test(
        "Bad input is a decoding error naming the field, never a crash",
        arguments: [
            (#"[1,2]"#, "ExportTraceServiceRequest is not a JSON object"),
            (#"{"resourceSpans":{}}"#, "ExportTraceServiceRequest.resourceSpans is not an array"),
            (
                OTLPDecodedRequestJSONTests.request(span: #"{"spanId":"abc"}"#),
                "resourceSpans[0].scopeSpans[0].spans[0].spanId is not a hex string"
            ),
            (
                OTLPDecodedRequestJSONTests.request(span: #"{"name":5}"#),
                "resourceSpans[0].scopeSpans[0].spans[0].name is not a string"
            ),
            (
                OTLPDecodedRequestJSONTests.request(span: #"{"startTimeUnixNano":1.5}"#),
                "resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano is not a uint64 (number or decimal string)"
            ),
            (
                OTLPDecodedRequestJSONTests.request(span: #"{"startTimeUnixNano":-1}"#),
                "resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano is not a uint64 (number or decimal string)"
            ),
            (
                OTLPDecodedRequestJSONTests.request(span: #"{"flags":true}"#),
                "resourceSpans[0].scopeSpans[0].spans[0].flags is not a uint32"
            ),
            (
                OTLPDecodedRequestJSONTests.request(span: #"{"kind":"SERVER"}"#),
                "resourceSpans[0].scopeSpans[0].spans[0].kind is not an enum value (integer or one of SPAN_KIND_UNSPECIFIED, SPAN_KIND_INTERNAL, SPAN_KIND_SERVER, SPAN_KIND_CLIENT, SPAN_KIND_PRODUCER, SPAN_KIND_CONSUMER)"
            ),
            (
                OTLPDecodedRequestJSONTests.request(span: #"{"attributes":[{"key":"b","value":{"boolValue":1}}]}"#),
                "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.boolValue is not a boolean"
            ),
            (
                OTLPDecodedRequestJSONTests.request(span: #"{"attributes":[{"key":"b","value":{"bytesValue":"!!"}}]}"#),
                "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.bytesValue is not base64"
            ),
            ("{", "the body is not valid JSON"),
        ])
    func badInput(json: String, message: String) {
        #expect(throws: OTLPDecodingError.malformed(message: message)) {
            try Self.decode(json)
        }
    }

    @Test("AnyValue nesting deeper than the protobuf decoder's limit is refused, not recursed into")
    func nestingLimit() {
        let depth = 60
        let value =
            String(repeating: #"{"arrayValue":{"values":["#, count: depth) + String(repeating: "]}}", count: depth)
        let json = Self.request(span: #"{"attributes":[{"key":"deep","value":"# + value + "}]}")
        #expect(throws: OTLPDecodingError.nestingTooDeep(limit: OTLPNestingDepthCheck.limit)) {
            try Self.decode(json)
        }
    }
}

import OTLPExporter
import OTelModel
import Testing

/// The encoders over the model's finished spans: every byte decoded again (libprotobuf-c for protobuf, a strict
/// reader for JSON) and compared field by field with the source spans.
@Suite("OTLP encoding of model spans")
struct ModelSpanEncodingTests {
    private func protobufRoundTrip(_ spans: [OTelFinishedSpan]) throws -> OTLPDecodedRequest {
        var encoder = OTLPProtobufEncoder(initialCapacity: 64)
        encoder.encode(spans)
        return try OTLPDecodedRequest(protobuf: encoder.encodedBytes)
    }

    private func jsonRoundTrip(_ spans: [OTelFinishedSpan]) throws -> OTLPDecodedRequest {
        var encoder = OTLPJSONEncoder(initialCapacity: 64)
        encoder.encode(spans)
        return try OTLPJSONTestReader.request(encoder.encodedBytes)
    }

    @Test(
        "every model field survives protobuf: ids, trace state, parent, name, kind, times, typed attributes and arrays, events, links with flags, status, dropped counts, span flags"
    )
    func everyFieldProtobuf() throws {
        let span = ModelSpanFixtures.everyField()
        let decoded = try protobufRoundTrip([span])
        #expect(decoded == ModelSpanFixtures.expectedDecoded([span]))

        let wire = try #require(decoded.resourceSpans.first?.scopeSpans.first?.spans.first)
        #expect(wire.traceID == [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 2])
        #expect(wire.traceState == "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")
        #expect(wire.parentSpanID == ModelSpanFixtures.bytes(ModelSpanFixtures.spanID(999)))
        #expect(wire.flags == 0x303, "sampled|random, is-remote known, parent remote")
        #expect(wire.name == "GET /api/users/{id}\u{0}")
        #expect(wire.kind == .server)
        #expect(
            (wire.startTimeUnixNano, wire.endTimeUnixNano) == (1_544_712_660_000_000_000, 1_544_712_661_000_000_001)
        )
        #expect(wire.attributes.count == 13)
        #expect(wire.attributes[1] == OTLPKeyValue(key: "nul\u{0}key", value: .string("a\u{0}b")))
        #expect(wire.attributes[6] == OTLPKeyValue(key: "negzero", value: .double(-0.0)))
        #expect(
            wire.attributes[11]
                == OTLPKeyValue(key: "doubles", value: .array([.double(1.5), .double(-0.0), .double(.infinity)]))
        )
        #expect(wire.droppedAttributesCount == 2)
        #expect(wire.events.map(\.name) == ["exception", ""])
        #expect(wire.events[0].droppedAttributesCount == 1)
        #expect(wire.droppedEventsCount == 4)
        #expect(wire.links.map(\.flags) == [0x301, 0x100])
        #expect(wire.links[0].traceState == "k=v")
        #expect(wire.links[0].droppedAttributesCount == 1)
        #expect(wire.droppedLinksCount == 5)
        #expect(wire.status == .init(message: "it failed", code: .error))
        let resource = try #require(decoded.resourceSpans.first)
        #expect(resource.schemaURL == "https://opentelemetry.io/schemas/1.26.0")
        #expect(resource.scopeSpans[0].scope?.version == "1.2.3")
        #expect(resource.scopeSpans[0].schemaURL == "https://opentelemetry.io/schemas/1.27.0")
    }

    @Test("every model field survives OTLP/JSON, decoding to the same spans as protobuf")
    func everyFieldJSON() throws {
        let spans = [ModelSpanFixtures.everyField(), ModelSpanFixtures.simple(seed: 5)]
        #expect(try jsonRoundTrip(spans) == ModelSpanFixtures.expectedDecoded(spans))
    }

    @Test("a root span has flags 'is-remote known' only; a local parent sets bit 8, not bit 9; status OK has code 1")
    func flagsAndStatus() throws {
        var root = ModelSpanFixtures.simple(seed: 1)
        root.status = .ok
        var child = ModelSpanFixtures.simple(seed: 2)
        child.parentSpanID = ModelSpanFixtures.spanID(1)
        child.parentIsRemote = false
        child.context.traceFlags = []
        let spans = try #require(protobufRoundTrip([root, child]).resourceSpans.first?.scopeSpans.first?.spans)
        #expect(spans.map(\.flags) == [0x101, 0x100])
        #expect(spans[0].status == .init(message: "", code: .ok))
        #expect(spans[0].parentSpanID == [])
        #expect(spans[1].status == nil, "an unset status is absent")
    }

    @Test("0 and 200 attributes per span, in order; a 20 KB string survives")
    func attributeCounts() throws {
        var many = OTelAttributes(limits: .unlimited)
        for index in 0..<199 { many["attr.\(index)"] = .string("value \(index)") }
        many["long"] = .string(String(repeating: "é0123456789", count: 2_000))
        let spans = [ModelSpanFixtures.simple(seed: 1), ModelSpanFixtures.simple(seed: 2, attributes: many)]
        let decoded = try protobufRoundTrip(spans)
        #expect(decoded == ModelSpanFixtures.expectedDecoded(spans))
        let wire = try #require(decoded.resourceSpans.first?.scopeSpans.first?.spans)
        #expect(wire[0].attributes.isEmpty)
        #expect(wire[1].attributes.count == 200)
        #expect(wire[1].attributes[198] == OTLPKeyValue(key: "attr.198", value: .string("value 198")))
        #expect(wire[1].attributes[199].value == .string(String(repeating: "é0123456789", count: 2_000)))
    }

    @Test("spans are grouped by resource, then scope, in order of first appearance; spans keep their order")
    func grouping() throws {
        let otherScope = OTelInstrumentationScope(name: "other")
        var otherResource = ModelSpanFixtures.resource
        otherResource.attributes["service.name"] = "payments"
        // Same resource, attributes in another order: still one ResourceSpans.
        let reordered = OTelResource(
            attributes: ["host.cores": 8, "service.instance.id": "i-1", "service.name": "checkout"],
            schemaURL: "https://opentelemetry.io/schemas/1.26.0"
        )
        let spans = [
            ModelSpanFixtures.simple(seed: 1),
            ModelSpanFixtures.simple(seed: 2, resource: otherResource),
            ModelSpanFixtures.simple(seed: 3, scope: otherScope),
            ModelSpanFixtures.simple(seed: 4, resource: reordered),
            ModelSpanFixtures.simple(seed: 5, scope: otherScope, resource: otherResource),
            ModelSpanFixtures.simple(seed: 6),
        ]
        let decoded = try protobufRoundTrip(spans)
        #expect(decoded == ModelSpanFixtures.expectedDecoded(spans))
        #expect(decoded.resourceSpans.count == 2)
        let layout = decoded.resourceSpans.map { resource in
            resource.scopeSpans.map { scope in scope.spans.map { $0.startTimeUnixNano - 1_000 } }
        }
        #expect(layout == [[[1, 4, 6], [3]], [[2], [5]]])
        #expect(decoded.spanCount == 6)
    }

    @Test("zero start and end times are omitted (proto3 default), each on its own; the kind is always written")
    func zeroTimes() throws {
        func span(seed: UInt64, start: UInt64, end: UInt64, kind: OTelSpanKind) -> OTelFinishedSpan {
            var span = ModelSpanFixtures.simple(seed: seed)
            (span.startTime, span.endTime, span.kind) = (start, end, kind)
            return span
        }
        let spans = [
            span(seed: 1, start: 0, end: 0, kind: .internal),
            span(seed: 2, start: 0, end: 5, kind: .producer),
            span(seed: 3, start: 7, end: 0, kind: .consumer),
            span(seed: 4, start: .max, end: 1, kind: .server),
        ]
        let decoded = try protobufRoundTrip(spans)
        #expect(decoded == ModelSpanFixtures.expectedDecoded(spans))
        let wire = try #require(decoded.resourceSpans.first?.scopeSpans.first?.spans)
        #expect(wire.map(\.startTimeUnixNano) == [0, 0, 7, .max])
        #expect(wire.map(\.endTimeUnixNano) == [0, 5, 0, 1])
        #expect(wire.map(\.kind) == [.internal, .producer, .consumer, .server])
        #expect(try jsonRoundTrip(spans) == decoded)
    }

    @Test("a resource with a NaN attribute still groups its spans together")
    func nanResource() throws {
        let resource = OTelResource(attributes: ["weird": .double(.nan)])
        let spans = (1...3).map { ModelSpanFixtures.simple(seed: $0, resource: resource) }
        let decoded = try protobufRoundTrip(spans)
        #expect(decoded.resourceSpans.count == 1)
        #expect(decoded.resourceSpans[0].scopeSpans[0].spans.count == 3)
    }

    @Test("an empty batch encodes to an empty message (zero bytes) and JSON {}; the exporter sends neither")
    func emptyBatch() throws {
        var encoder = OTLPProtobufEncoder()
        encoder.encode([])
        #expect(encoder.encodedByteCount == 0)
        #expect(try OTLPDecodedRequest(protobuf: []).resourceSpans.isEmpty)
        var json = OTLPJSONEncoder()
        json.encode([])
        #expect(json.encodedBytes == Array("{}".utf8))
    }

    @Test("the encoder reuses its buffer: a second batch replaces the first; a slice encodes only its spans")
    func reuse() throws {
        var encoder = OTLPProtobufEncoder(initialCapacity: 16)
        let spans = (1...50).map { ModelSpanFixtures.simple(seed: UInt64($0)) }
        encoder.encode(spans)
        let first = encoder.encodedBytes
        encoder.encode(spans[10..<20])
        let decoded = try OTLPDecodedRequest(protobuf: encoder.encodedBytes)
        #expect(decoded == ModelSpanFixtures.expectedDecoded(Array(spans[10..<20])))
        encoder.encode(spans)
        #expect(encoder.encodedBytes == first)
    }

    @Test("events holding their single attribute apart encode to the same bytes as events holding a collection")
    func soleEventAttribute() async throws {
        let exporter = OTelInMemorySpanExporter()
        let provider = OTelTracerProvider(
            resource: ModelSpanFixtures.resource,
            processors: [OTelSimpleSpanProcessor(exporter: exporter)],
            spanLimits: OTelSpanLimits(attributes: OTelAttributeLimits(valueLengthLimit: 5))
        )
        let tracer = provider.tracer(name: "io.test")
        let oneEvent = tracer.startSpan("one event (stored inline)", parent: nil)
        oneEvent.addEvent("cache miss", attribute: "event", "cache miss", at: 7)
        oneEvent.end()
        let twoEvents = tracer.startSpan("two events", parent: nil)
        twoEvents.addEvent("cache miss", attribute: "event", "cache miss", at: 7)
        twoEvents.addEvent("count", attribute: "n", 3, at: 8)
        twoEvents.end()
        await provider.shutdown()
        let sole = exporter.finishedSpans
        #expect(sole.count == 2)
        let collection = sole.map { span in
            var copy = span
            copy.events = span.events.map { OTelSpanEvent(name: $0.name, time: $0.time, attributes: $0.attributes) }
            return copy
        }
        #expect(collection.map { $0.events.map(\.attributes) } == [[["event": "cache"]], [["event": "cache"], ["n": 3]]])

        var protobuf = OTLPProtobufEncoder()
        protobuf.encode(sole)
        let soleBytes = protobuf.encodedBytes
        protobuf.encode(collection)
        #expect(soleBytes == protobuf.encodedBytes)
        #expect(try OTLPDecodedRequest(protobuf: soleBytes) == ModelSpanFixtures.expectedDecoded(collection))

        var json = OTLPJSONEncoder()
        json.encode(sole)
        let soleJSON = json.encodedBytes
        json.encode(collection)
        #expect(soleJSON == json.encodedBytes)
        #expect(try OTLPJSONTestReader.request(soleJSON) == ModelSpanFixtures.expectedDecoded(collection))
    }

    @Test("spans ended through OTelTracerProvider encode to what they recorded")
    func throughProvider() async throws {
        let exporter = OTelInMemorySpanExporter()
        let provider = OTelTracerProvider(
            resource: ModelSpanFixtures.resource,
            processors: [OTelSimpleSpanProcessor(exporter: exporter)]
        )
        let tracer = provider.tracer(name: "io.test", version: "9")
        let parent = tracer.startSpan("parent", kind: .server, parent: nil)
        let child = tracer.startSpan("child", parent: parent.context, attributes: ["ints": .intArray([1, 2])])
        child.addEvent("event", attributes: ["k": "v"])
        child.setStatus(.error(description: "bad"))
        child.end()
        parent.end()
        await provider.shutdown()
        let finished = exporter.finishedSpans
        #expect(finished.count == 2)
        let decoded = try protobufRoundTrip(finished)
        #expect(decoded == ModelSpanFixtures.expectedDecoded(finished))
        let wire = try #require(decoded.resourceSpans.first?.scopeSpans.first)
        #expect(wire.scope?.name == "io.test")
        #expect(wire.spans.map(\.name) == ["child", "parent"])
        #expect(wire.spans[0].parentSpanID == wire.spans[1].spanID)
        #expect(wire.spans[0].attributes == [OTLPKeyValue(key: "ints", value: .array([.int(1), .int(2)]))])
        #expect(wire.spans[0].events.first?.attributes == [OTLPKeyValue(key: "k", value: .string("v"))])
    }
}

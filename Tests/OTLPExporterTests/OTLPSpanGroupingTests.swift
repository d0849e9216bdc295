import OTLPExporter
import OTelModel
import Testing

/// Grouping by resource and scope has a fast path (attributes sharing one storage are equal without comparing them)
/// and a slow path (attribute by attribute): both must give the same groups and the same bytes.
@Suite("OTLP span grouping: shared and separately built resources and scopes")
struct OTLPSpanGroupingTests {
    private func protobuf(_ spans: [OTelFinishedSpan]) -> [UInt8] {
        var encoder = OTLPProtobufEncoder(initialCapacity: 64)
        encoder.encode(spans)
        return encoder.encodedBytes
    }

    private func json(_ spans: [OTelFinishedSpan]) -> [UInt8] {
        var encoder = OTLPJSONEncoder(initialCapacity: 64)
        encoder.encode(spans)
        return encoder.encodedBytes
    }

    /// Start times minus 1,000 (the seeds), resource by resource, scope by scope.
    private func layout(_ request: OTLPDecodedRequest) -> [[[UInt64]]] {
        request.resourceSpans.map { resource in
            resource.scopeSpans.map { scope in scope.spans.map { $0.startTimeUnixNano - 1_000 } }
        }
    }

    /// An equal resource whose attributes live in a storage of their own.
    private func rebuilt(_ resource: OTelResource) -> OTelResource {
        var attributes = OTelAttributes()
        for (key, value) in resource.attributes { attributes[key] = value }
        return OTelResource(attributes: attributes, schemaURL: resource.schemaURL)
    }

    @Test("a resource sharing its attribute storage and an equal one built separately are one ResourceSpans, same bytes")
    func sharedAndRebuiltResource() throws {
        let shared = ModelSpanFixtures.resource
        let separate = rebuilt(shared)
        #expect(!separate.attributes.sharesStorage(with: shared.attributes), "the slow path is exercised")
        #expect(shared.attributes.sharesStorage(with: ModelSpanFixtures.simple(seed: 1).resource.attributes))

        let allShared = (1...4).map { ModelSpanFixtures.simple(seed: $0, resource: shared) }
        let mixed = (1...4).map { ModelSpanFixtures.simple(seed: $0, resource: $0 % 2 == 0 ? separate : shared) }
        #expect(protobuf(mixed) == protobuf(allShared))
        #expect(json(mixed) == json(allShared))
        let decoded = try OTLPDecodedRequest(protobuf: protobuf(mixed))
        #expect(layout(decoded) == [[[1, 2, 3, 4]]])
        #expect(decoded == ModelSpanFixtures.expectedDecoded(allShared))
    }

    @Test("a scope sharing its attribute storage and an equal one built separately are one ScopeSpans, same bytes")
    func sharedAndRebuiltScope() throws {
        let shared = ModelSpanFixtures.scope
        var attributes = OTelAttributes()
        for (key, value) in shared.attributes { attributes[key] = value }
        let separate = OTelInstrumentationScope(
            name: String(decoding: Array(shared.name.utf8), as: UTF8.self),  // its own string storage too
            version: shared.version,
            schemaURL: shared.schemaURL,
            attributes: attributes
        )
        #expect(!separate.attributes.sharesStorage(with: shared.attributes))

        let allShared = (1...4).map { ModelSpanFixtures.simple(seed: $0, scope: shared) }
        let mixed = (1...4).map { ModelSpanFixtures.simple(seed: $0, scope: $0 % 2 == 0 ? separate : shared) }
        #expect(protobuf(mixed) == protobuf(allShared))
        #expect(json(mixed) == json(allShared))
        #expect(layout(try OTLPDecodedRequest(protobuf: protobuf(mixed))) == [[[1, 2, 3, 4]]])
    }

    @Test("shared attribute storage with another schema URL, or another dropped count, is another resource")
    func sharedStorageButDifferentResource() throws {
        let base = ModelSpanFixtures.resource
        var otherSchema = base
        otherSchema.schemaURL = "https://opentelemetry.io/schemas/1.99.0"
        #expect(otherSchema.attributes.sharesStorage(with: base.attributes) == true)

        var limited = OTelAttributes(limits: OTelAttributeLimits(countLimit: 1))
        limited["service.name"] = "checkout"
        var moreDropped = limited
        moreDropped["over.the.limit"] = "dropped"  // counted, not stored: the entries keep their storage
        #expect(moreDropped.droppedCount == 1)
        #expect(!moreDropped.sharesStorage(with: limited))

        let spans = [
            ModelSpanFixtures.simple(seed: 1, resource: base),
            ModelSpanFixtures.simple(seed: 2, resource: otherSchema),
            ModelSpanFixtures.simple(seed: 3, resource: OTelResource(attributes: limited)),
            ModelSpanFixtures.simple(seed: 4, resource: OTelResource(attributes: moreDropped)),
            ModelSpanFixtures.simple(seed: 5, resource: base),
        ]
        let decoded = try OTLPDecodedRequest(protobuf: protobuf(spans))
        #expect(layout(decoded) == [[[1, 5]], [[2]], [[3]], [[4]]])
        #expect(decoded.resourceSpans.map(\.schemaURL) == [base.schemaURL, otherSchema.schemaURL, "", ""])
        #expect(decoded.resourceSpans.map { $0.resource?.droppedAttributesCount } == [0, 0, 0, 1])
        #expect(decoded == ModelSpanFixtures.expectedDecoded(spans))
        #expect(try OTLPJSONTestReader.request(json(spans)) == decoded)
    }

    @Test("shared scope attribute storage with another name or version is another scope")
    func sharedStorageButDifferentScope() throws {
        let base = ModelSpanFixtures.scope
        var renamed = base
        renamed.name = "io.other"
        var newer = base
        newer.version = "9.9.9"
        #expect(renamed.attributes.sharesStorage(with: base.attributes))
        let spans = [
            ModelSpanFixtures.simple(seed: 1, scope: base),
            ModelSpanFixtures.simple(seed: 2, scope: renamed),
            ModelSpanFixtures.simple(seed: 3, scope: newer),
            ModelSpanFixtures.simple(seed: 4, scope: base),
        ]
        let decoded = try OTLPDecodedRequest(protobuf: protobuf(spans))
        #expect(layout(decoded) == [[[1, 4], [2], [3]]])
        #expect(decoded.resourceSpans[0].scopeSpans.map { $0.scope?.name } == ["io.opentracing.shim", "io.other", "io.opentracing.shim"])
        #expect(decoded == ModelSpanFixtures.expectedDecoded(spans))
    }

    @Test("resources sharing nothing (same keys, other values), interleaved, are two ResourceSpans in first-seen order")
    func resourcesSharingNothing() throws {
        let checkout = OTelResource(attributes: ["service.name": "checkout", "host.cores": 8])
        let payments = OTelResource(attributes: ["service.name": "payments", "host.cores": 8])
        let spans = (1...6).map { ModelSpanFixtures.simple(seed: $0, resource: $0 % 2 == 0 ? payments : checkout) }
        let decoded = try OTLPDecodedRequest(protobuf: protobuf(spans))
        #expect(layout(decoded) == [[[1, 3, 5]], [[2, 4, 6]]])
        #expect(decoded.resourceSpans.map { $0.resource?.attributes.first?.value } == [.string("checkout"), .string("payments")])
        #expect(decoded == ModelSpanFixtures.expectedDecoded(spans))
        #expect(try OTLPJSONTestReader.request(json(spans)) == decoded)
    }
}

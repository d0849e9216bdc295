import OTLPExporter

// A small test-only span model, standing in for OTelModel's finished span until the encoder is
// wired to it: the walk in `encode()` is the one the real encoder will do.

struct TestSpan {
    var traceID: [UInt8] = [0x4B, 0xF9, 0x2F, 0x35, 0x77, 0xB3, 0x4D, 0xA6, 0xA3, 0xCE, 0x92, 0x9D, 0x0E, 0x0E, 0x47, 0x36]
    var spanID: [UInt8] = [0x00, 0xF0, 0x67, 0xAA, 0x0B, 0xA9, 0x02, 0xB7]
    var parentSpanID: [UInt8]? = nil
    var traceState = ""
    var name = "span"
    var kind = OTLPSpanKind.internal
    var startTimeUnixNano: UInt64 = 1_544_712_660_000_000_000
    var endTimeUnixNano: UInt64 = 1_544_712_661_000_000_000
    var attributes: [OTLPKeyValue] = []
    var droppedAttributesCount: UInt32 = 0
    var events: [TestEvent] = []
    var droppedEventsCount: UInt32 = 0
    var links: [TestLink] = []
    var droppedLinksCount: UInt32 = 0
    var statusCode = OTLPStatusCode.unset
    var statusMessage = ""
    var flags: UInt32 = 0
}

struct TestEvent {
    var timeUnixNano: UInt64
    var name: String
    var attributes: [OTLPKeyValue] = []
    var droppedAttributesCount: UInt32 = 0
}

struct TestLink {
    var traceID: [UInt8]
    var spanID: [UInt8]
    var traceState = ""
    var attributes: [OTLPKeyValue] = []
    var droppedAttributesCount: UInt32 = 0
    var flags: UInt32 = 0
}

struct TestScope {
    var name = "test-scope"
    var version = ""
    var attributes: [OTLPKeyValue] = []
    var droppedAttributesCount: UInt32 = 0
    var schemaURL = ""
    var spans: [TestSpan]
}

struct TestResource {
    var attributes: [OTLPKeyValue] = [OTLPKeyValue(key: "service.name", value: .string("test-service"))]
    var droppedAttributesCount: UInt32 = 0
    var schemaURL = ""
    var scopes: [TestScope]
}

struct TestSpanBatch {
    var resources: [TestResource]

    /// Writes the batch as an `ExportTraceServiceRequest` into `writer` (appending in front of
    /// anything already written, as the writer does).
    func encode(into writer: inout ProtobufReverseWriter) {
        for resource in resources.reversed() {
            writer.writeResourceSpans(
                resourceAttributes: { $0.writeAttributes(field: OTLPField.Resource.attributes, resource.attributes) },
                resourceDroppedAttributesCount: resource.droppedAttributesCount,
                schemaURL: resource.schemaURL,
                scopeSpans: { w in
                    for scope in resource.scopes.reversed() {
                        w.writeScopeSpans(
                            scopeName: scope.name,
                            scopeVersion: scope.version,
                            scopeAttributes: { $0.writeAttributes(field: OTLPField.InstrumentationScope.attributes, scope.attributes) },
                            scopeDroppedAttributesCount: scope.droppedAttributesCount,
                            schemaURL: scope.schemaURL,
                            spans: { w in
                                for span in scope.spans.reversed() {
                                    Self.encode(span, into: &w)
                                }
                            }
                        )
                    }
                }
            )
        }
    }

    private static func encode(_ span: TestSpan, into writer: inout ProtobufReverseWriter) {
        writer.writeSpan(
            traceID: span.traceID,
            spanID: span.spanID,
            traceState: span.traceState,
            parentSpanID: span.parentSpanID,
            flags: span.flags,
            name: span.name,
            kind: span.kind,
            startTimeUnixNano: span.startTimeUnixNano,
            endTimeUnixNano: span.endTimeUnixNano,
            attributes: { $0.writeAttributes(field: OTLPField.Span.attributes, span.attributes) },
            droppedAttributesCount: span.droppedAttributesCount,
            events: { w in
                for event in span.events.reversed() {
                    w.writeEvent(
                        timeUnixNano: event.timeUnixNano,
                        name: event.name,
                        droppedAttributesCount: event.droppedAttributesCount,
                        attributes: { $0.writeAttributes(field: OTLPField.Event.attributes, event.attributes) }
                    )
                }
            },
            droppedEventsCount: span.droppedEventsCount,
            links: { w in
                for link in span.links.reversed() {
                    w.writeLink(
                        traceID: link.traceID,
                        spanID: link.spanID,
                        traceState: link.traceState,
                        flags: link.flags,
                        droppedAttributesCount: link.droppedAttributesCount,
                        attributes: { $0.writeAttributes(field: OTLPField.Link.attributes, link.attributes) }
                    )
                }
            },
            droppedLinksCount: span.droppedLinksCount,
            statusCode: span.statusCode,
            statusMessage: span.statusMessage
        )
    }

    func encodedProtobuf(initialCapacity: Int = 16 * 1024) -> [UInt8] {
        var writer = ProtobufReverseWriter(initialCapacity: initialCapacity)
        encode(into: &writer)
        return writer.writtenBytes
    }

    /// What a decoder must find: the same values, with proto3's rules for absent fields.
    var expectedDecoded: OTLPDecodedRequest {
        OTLPDecodedRequest(resourceSpans: resources.map { resource in
            OTLPDecodedRequest.ResourceSpans(
                resource: .init(attributes: resource.attributes, droppedAttributesCount: resource.droppedAttributesCount, entityRefs: []),
                scopeSpans: resource.scopes.map { scope in
                    OTLPDecodedRequest.ScopeSpans(
                        scope: .init(
                            name: scope.name,
                            version: scope.version,
                            attributes: scope.attributes,
                            droppedAttributesCount: scope.droppedAttributesCount
                        ),
                        spans: scope.spans.map(Self.expectedDecoded),
                        schemaURL: scope.schemaURL
                    )
                },
                schemaURL: resource.schemaURL
            )
        })
    }

    private static func expectedDecoded(_ span: TestSpan) -> OTLPDecodedRequest.Span {
        OTLPDecodedRequest.Span(
            traceID: span.traceID,
            spanID: span.spanID,
            traceState: span.traceState,
            parentSpanID: span.parentSpanID ?? [],
            flags: span.flags,
            name: span.name,
            kind: span.kind,
            startTimeUnixNano: span.startTimeUnixNano,
            endTimeUnixNano: span.endTimeUnixNano,
            attributes: span.attributes,
            droppedAttributesCount: span.droppedAttributesCount,
            events: span.events.map {
                .init(timeUnixNano: $0.timeUnixNano, name: $0.name, attributes: $0.attributes, droppedAttributesCount: $0.droppedAttributesCount)
            },
            droppedEventsCount: span.droppedEventsCount,
            links: span.links.map {
                .init(
                    traceID: $0.traceID,
                    spanID: $0.spanID,
                    traceState: $0.traceState,
                    attributes: $0.attributes,
                    droppedAttributesCount: $0.droppedAttributesCount,
                    flags: $0.flags
                )
            },
            droppedLinksCount: span.droppedLinksCount,
            status: span.statusCode == .unset && span.statusMessage.isEmpty
                ? nil : .init(message: span.statusMessage, code: span.statusCode)
        )
    }
}

extension TestSpanBatch {
    /// One resource, one scope, these spans.
    init(spans: [TestSpan]) {
        self.init(resources: [TestResource(scopes: [TestScope(spans: spans)])])
    }

    /// A span using every field of the schema.
    static let everyField: TestSpan = TestSpan(
        parentSpanID: [0x53, 0x99, 0x5C, 0x3F, 0x42, 0xCD, 0x8A, 0xD8],
        traceState: "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE",
        name: "GET /api/users/{id}",
        kind: .server,
        attributes: [
            OTLPKeyValue(key: "http.request.method", value: .string("GET")),
            OTLPKeyValue(key: "http.response.status_code", value: .int(200)),
            OTLPKeyValue(key: "retry", value: .bool(true)),
            OTLPKeyValue(key: "ratio", value: .double(0.25)),
            OTLPKeyValue(key: "payload", value: .bytes([0x00, 0xFF, 0x10])),
            OTLPKeyValue(key: "tags", value: .array([.string("a"), .int(-7), .bool(false), .double(1.5)])),
            OTLPKeyValue(key: "nested", value: .keyValueList([
                OTLPKeyValue(key: "inner", value: .array([.array([.int(1)]), .keyValueList([])])),
                OTLPKeyValue(key: "empty", value: .empty),
            ])),
        ],
        droppedAttributesCount: 3,
        events: [
            TestEvent(timeUnixNano: 1_544_712_660_500_000_000, name: "exception", attributes: [
                OTLPKeyValue(key: "exception.message", value: .string("boom")),
            ], droppedAttributesCount: 1),
            TestEvent(timeUnixNano: 1_544_712_660_600_000_000, name: "second"),
        ],
        droppedEventsCount: 4,
        links: [
            TestLink(
                traceID: Array(1...16),
                spanID: Array(17...24),
                traceState: "k=v",
                attributes: [OTLPKeyValue(key: "opentracing.ref_type", value: .string("follows_from"))],
                droppedAttributesCount: 2,
                flags: 0x301
            ),
            TestLink(traceID: Array(repeating: 0xAB, count: 16), spanID: Array(repeating: 0xCD, count: 8), flags: 0x101),
        ],
        droppedLinksCount: 5,
        statusCode: .error,
        statusMessage: "it failed",
        flags: 0x301
    )
}

extension TestSpanBatch {
    /// Writes the batch as an OTLP/JSON `ExportTraceServiceRequest`: the same walk, front to back.
    func encodedJSON(initialCapacity: Int = 16 * 1024) -> [UInt8] {
        var writer = OTLPJSONWriter(initialCapacity: initialCapacity)
        writer.writeExportTraceServiceRequest { w in
            for resource in resources {
                w.writeResourceSpans(
                    resourceAttributes: { $0.writeAttributes(resource.attributes) },
                    resourceDroppedAttributesCount: resource.droppedAttributesCount,
                    schemaURL: resource.schemaURL,
                    scopeSpans: { w in
                        for scope in resource.scopes {
                            w.writeScopeSpans(
                                scopeName: scope.name,
                                scopeVersion: scope.version,
                                scopeAttributes: { $0.writeAttributes(scope.attributes) },
                                scopeDroppedAttributesCount: scope.droppedAttributesCount,
                                schemaURL: scope.schemaURL,
                                spans: { w in
                                    for span in scope.spans {
                                        Self.encodeJSON(span, into: &w)
                                    }
                                }
                            )
                        }
                    }
                )
            }
        }
        return writer.writtenBytes
    }

    private static func encodeJSON(_ span: TestSpan, into writer: inout OTLPJSONWriter) {
        writer.writeSpan(
            traceID: span.traceID,
            spanID: span.spanID,
            traceState: span.traceState,
            parentSpanID: span.parentSpanID,
            flags: span.flags,
            name: span.name,
            kind: span.kind,
            startTimeUnixNano: span.startTimeUnixNano,
            endTimeUnixNano: span.endTimeUnixNano,
            attributes: { $0.writeAttributes(span.attributes) },
            droppedAttributesCount: span.droppedAttributesCount,
            events: { w in
                for event in span.events {
                    w.writeEvent(
                        timeUnixNano: event.timeUnixNano,
                        name: event.name,
                        droppedAttributesCount: event.droppedAttributesCount,
                        attributes: { $0.writeAttributes(event.attributes) }
                    )
                }
            },
            droppedEventsCount: span.droppedEventsCount,
            links: { w in
                for link in span.links {
                    w.writeLink(
                        traceID: link.traceID,
                        spanID: link.spanID,
                        traceState: link.traceState,
                        flags: link.flags,
                        droppedAttributesCount: link.droppedAttributesCount,
                        attributes: { $0.writeAttributes(link.attributes) }
                    )
                }
            },
            droppedLinksCount: span.droppedLinksCount,
            statusCode: span.statusCode,
            statusMessage: span.statusMessage
        )
    }
}

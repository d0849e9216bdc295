import OTLPExporter

/// The fixed trace the receiver tests send: the seed's scenario as it arrives over OTLP — a server
/// span with OpenTracing tags and an error with an `exception` event, its outbound client child, the
/// downstream server span continuing the trace with a `follows_from` link, and a span whose parent
/// was not sent.
enum ReceiverTestFixtures {
    static let traceID: [UInt8] = [
        0x0A, 0xF7, 0x65, 0x19, 0x16, 0xCD, 0x43, 0xDD, 0x84, 0x48, 0xEB, 0x21, 0x1C, 0x80, 0x31, 0x9C,
    ]
    static let serverSpanID: [UInt8] = [0xB7, 0xAD, 0x6B, 0x71, 0x69, 0x20, 0x33, 0x31]
    static let clientSpanID: [UInt8] = [0x00, 0xF0, 0x67, 0xAA, 0x0B, 0xA9, 0x02, 0xB7]
    static let downstreamSpanID: [UInt8] = [0x53, 0x99, 0x5C, 0x3F, 0x42, 0xCD, 0x8A, 0xD8]
    static let orphanSpanID: [UInt8] = [0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11]
    static let missingParentID: [UInt8] = [0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22]

    /// 2018-12-13T14:51:00Z in nanoseconds.
    static let start: UInt64 = 1_544_712_660_000_000_000

    static func span(
        id: [UInt8],
        parent: [UInt8] = [],
        name: String,
        kind: OTLPSpanKind,
        startOffsetMicroseconds: UInt64,
        durationMicroseconds: UInt64,
        attributes: [OTLPKeyValue] = [],
        events: [OTLPDecodedRequest.Event] = [],
        links: [OTLPDecodedRequest.Link] = [],
        status: OTLPDecodedRequest.Status? = nil
    ) -> OTLPDecodedRequest.Span {
        OTLPDecodedRequest.Span(
            traceID: traceID,
            spanID: id,
            traceState: "",
            parentSpanID: parent,
            flags: 0x301,
            name: name,
            kind: kind,
            startTimeUnixNano: start + startOffsetMicroseconds * 1_000,
            endTimeUnixNano: start + (startOffsetMicroseconds + durationMicroseconds) * 1_000,
            attributes: attributes,
            droppedAttributesCount: 0,
            events: events,
            droppedEventsCount: 0,
            links: links,
            droppedLinksCount: 0,
            status: status
        )
    }

    static let request = OTLPDecodedRequest(resourceSpans: [
        OTLPDecodedRequest.ResourceSpans(
            resource: OTLPDecodedRequest.Resource(
                attributes: [OTLPKeyValue(key: "service.name", value: .string("shop"))],
                droppedAttributesCount: 0,
                entityRefs: []
            ),
            scopeSpans: [
                OTLPDecodedRequest.ScopeSpans(
                    scope: OTLPDecodedRequest.InstrumentationScope(
                        name: "opentracing-shim",
                        version: "1.0.0",
                        attributes: [],
                        droppedAttributesCount: 0
                    ),
                    spans: [
                        // Children first, as a batch processor often sends them.
                        span(
                            id: clientSpanID,
                            parent: serverSpanID,
                            name: "GET /inventory",
                            kind: .client,
                            startOffsetMicroseconds: 2_000,
                            durationMicroseconds: 10_500,
                            attributes: [
                                OTLPKeyValue(key: "http.method", value: .string("GET")),
                                OTLPKeyValue(key: "peer.service", value: .string("inventory")),
                            ]
                        ),
                        span(
                            id: downstreamSpanID,
                            parent: clientSpanID,
                            name: "inventory.lookup",
                            kind: .server,
                            startOffsetMicroseconds: 3_000,
                            durationMicroseconds: 8_250,
                            attributes: [OTLPKeyValue(key: "items", value: .array([.int(3), .string("sku-1")]))],
                            links: [
                                OTLPDecodedRequest.Link(
                                    traceID: traceID,
                                    spanID: clientSpanID,
                                    traceState: "",
                                    attributes: [
                                        OTLPKeyValue(key: "opentracing.ref_type", value: .string("follows_from"))
                                    ],
                                    droppedAttributesCount: 0,
                                    flags: 0x301
                                )
                            ],
                            status: OTLPDecodedRequest.Status(message: "", code: .ok)
                        ),
                        span(
                            id: serverSpanID,
                            name: "GET /checkout",
                            kind: .server,
                            startOffsetMicroseconds: 0,
                            durationMicroseconds: 25_000,
                            attributes: [
                                OTLPKeyValue(key: "http.url", value: .string("http://127.0.0.1:8080/checkout")),
                                OTLPKeyValue(key: "peer.ipv4", value: .string("127.0.0.1")),
                                OTLPKeyValue(key: "peer.port", value: .int(8080)),
                                OTLPKeyValue(key: "error", value: .bool(true)),
                            ],
                            events: [
                                OTLPDecodedRequest.Event(
                                    timeUnixNano: start + 20_000_000,
                                    name: "exception",
                                    attributes: [
                                        OTLPKeyValue(key: "exception.type", value: .string("PaymentError")),
                                        OTLPKeyValue(key: "exception.message", value: .string("card \"declined\"")),
                                    ],
                                    droppedAttributesCount: 0
                                )
                            ],
                            status: OTLPDecodedRequest.Status(message: "payment failed", code: .error)
                        ),
                        span(
                            id: orphanSpanID,
                            parent: missingParentID,
                            name: "cache.refresh",
                            kind: .internal,
                            startOffsetMicroseconds: 30_000,
                            durationMicroseconds: 42,
                            attributes: [OTLPKeyValue(key: "ratio", value: .double(0.5))]
                        ),
                    ],
                    schemaURL: ""
                )
            ],
            schemaURL: "https://opentelemetry.io/schemas/1.26.0"
        )
    ])
}

extension OTLPDecodedRequest {
    /// The request as protobuf, written with the exporter's ``ProtobufReverseWriter`` (resource and
    /// scope are always written, so they must be present here).
    var protobuf: [UInt8] {
        var writer = ProtobufReverseWriter()
        for resourceSpans in resourceSpans.reversed() {
            writer.writeResourceSpans(
                resourceAttributes: {
                    $0.writeAttributes(field: OTLPField.Resource.attributes, resourceSpans.resource?.attributes ?? [])
                },
                resourceDroppedAttributesCount: resourceSpans.resource?.droppedAttributesCount ?? 0,
                schemaURL: resourceSpans.schemaURL,
                scopeSpans: { writer in
                    for scopeSpans in resourceSpans.scopeSpans.reversed() {
                        writer.writeScopeSpans(
                            scopeName: scopeSpans.scope?.name ?? "",
                            scopeVersion: scopeSpans.scope?.version ?? "",
                            scopeAttributes: {
                                $0.writeAttributes(
                                    field: OTLPField.InstrumentationScope.attributes, scopeSpans.scope?.attributes ?? []
                                )
                            },
                            scopeDroppedAttributesCount: scopeSpans.scope?.droppedAttributesCount ?? 0,
                            schemaURL: scopeSpans.schemaURL,
                            spans: { writer in
                                for span in scopeSpans.spans.reversed() {
                                    Self.write(span, into: &writer)
                                }
                            }
                        )
                    }
                }
            )
        }
        return writer.writtenBytes
    }

    private static func write(_ span: Span, into writer: inout ProtobufReverseWriter) {
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
            events: { writer in
                for event in span.events.reversed() {
                    writer.writeEvent(
                        timeUnixNano: event.timeUnixNano,
                        name: event.name,
                        droppedAttributesCount: event.droppedAttributesCount,
                        attributes: { $0.writeAttributes(field: OTLPField.Event.attributes, event.attributes) }
                    )
                }
            },
            droppedEventsCount: span.droppedEventsCount,
            links: { writer in
                for link in span.links.reversed() {
                    writer.writeLink(
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
            statusCode: span.status?.code ?? .unset,
            statusMessage: span.status?.message ?? ""
        )
    }
}

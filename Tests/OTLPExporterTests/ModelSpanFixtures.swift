import OTLPExporter
import OTelModel

/// Model spans for the encoder tests, and an independent description of what a decoder must find for them.
enum ModelSpanFixtures {
    static func traceID(_ seed: UInt8) -> TraceID {
        TraceID(bytes: (seed, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, seed &+ 1))
    }

    static func spanID(_ seed: UInt64) -> SpanID {
        let b = withUnsafeBytes(of: (seed | 1 << 63).bigEndian) { Array($0) }
        return SpanID(bytes: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]))
    }

    static let resource = OTelResource(
        attributes: ["service.name": "checkout", "service.instance.id": "i-1", "host.cores": 8],
        schemaURL: "https://opentelemetry.io/schemas/1.26.0"
    )

    static let scope = OTelInstrumentationScope(
        name: "io.opentracing.shim",
        version: "1.2.3",
        schemaURL: "https://opentelemetry.io/schemas/1.27.0",
        attributes: ["scope.attr": .int(7)]
    )

    /// Attributes with one dropped by a count limit of `limit`.
    static func limited(_ pairs: [(String, OTelAttributeValue)], limit: Int) -> OTelAttributes {
        var attributes = OTelAttributes(limits: OTelAttributeLimits(countLimit: limit))
        for (key, value) in pairs { attributes[key] = value }
        return attributes
    }

    /// A span using every field the model has, with edge values (U+0000, negative and zero numbers, -0.0, NaN,
    /// empty strings, every array type, remote parent, links remote and local, dropped counts, error status).
    static func everyField(seed: UInt64 = 1) -> OTelFinishedSpan {
        var traceState = OTelTraceState()
        traceState = traceState.setting(key: "congo", value: "t61rcWkgMzE")
        traceState = traceState.setting(key: "rojo", value: "00f067aa0ba902b7")
        var attributes = limited(
            [
                ("http.request.method", "GET"),
                ("nul\u{0}key", .string("a\u{0}b")),
                ("empty", .string("")),
                ("zero", .int(0)),
                ("min", .int(.min)),
                ("false", .bool(false)),
                ("negzero", .double(-0.0)),
                ("nan", .double(.nan)),
                ("strings", .stringArray(["a", "", "🧵"])),
                ("bools", .boolArray([true, false])),
                ("ints", .intArray([-1, 0, .max])),
                ("doubles", .doubleArray([1.5, -0.0, .infinity])),
                ("emptyArray", .stringArray([])),
                ("over the limit", "dropped"),
            ],
            limit: 13
        )
        attributes["http.response.status_code"] = .int(503)  // also dropped: the limit is reached
        return OTelFinishedSpan(
            context: OTelSpanContext(
                traceID: traceID(1),
                spanID: spanID(seed),
                traceFlags: [.sampled, .random],
                traceState: traceState
            ),
            parentSpanID: spanID(999),
            parentIsRemote: true,
            name: "GET /api/users/{id}\u{0}",
            kind: .server,
            startTime: 1_544_712_660_000_000_000,
            endTime: 1_544_712_661_000_000_001,
            attributes: attributes,
            events: [
                OTelSpanEvent(
                    name: "exception",
                    time: 1_544_712_660_500_000_000,
                    attributes: limited([("exception.message", "boom"), ("extra", true)], limit: 1)
                ),
                OTelSpanEvent(name: "", time: 1_544_712_660_600_000_000),
            ],
            links: [
                OTelSpanLink(
                    context: OTelSpanContext(
                        traceID: traceID(9),
                        spanID: spanID(77),
                        traceFlags: .sampled,
                        traceState: OTelTraceState(header: "k=v")!,
                        isRemote: true
                    ),
                    attributes: limited([("opentracing.ref_type", "follows_from"), ("x", 1)], limit: 1)
                ),
                OTelSpanLink(context: OTelSpanContext(traceID: traceID(10), spanID: spanID(78))),
            ],
            status: .error(description: "it failed"),
            instrumentationScope: scope,
            resource: resource,
            droppedEventCount: 4,
            droppedLinkCount: 5
        )
    }

    /// A plain root span.
    static func simple(
        seed: UInt64,
        name: String = "span",
        scope: OTelInstrumentationScope = scope,
        resource: OTelResource = resource,
        attributes: OTelAttributes = [:]
    ) -> OTelFinishedSpan {
        OTelFinishedSpan(
            context: OTelSpanContext(traceID: traceID(2), spanID: spanID(seed), traceFlags: .sampled),
            name: name,
            kind: .client,
            startTime: 1_000 + seed,
            endTime: 2_000 + seed,
            attributes: attributes,
            instrumentationScope: scope,
            resource: resource
        )
    }

    // MARK: - The oracle

    /// What a decoder must find for `spans`: grouped by resource, then scope, in order of first appearance.
    static func expectedDecoded(_ spans: [OTelFinishedSpan]) -> OTLPDecodedRequest {
        var resources: [(OTelResource, [(OTelInstrumentationScope, [OTelFinishedSpan])])] = []
        for span in spans {
            let resourceIndex =
                resources.firstIndex { $0.0 == span.resource }
                ?? {
                    resources.append((span.resource, []))
                    return resources.count - 1
                }()
            if let scopeIndex = resources[resourceIndex].1.firstIndex(where: { $0.0 == span.instrumentationScope }) {
                resources[resourceIndex].1[scopeIndex].1.append(span)
            } else {
                resources[resourceIndex].1.append((span.instrumentationScope, [span]))
            }
        }
        return OTLPDecodedRequest(
            resourceSpans: resources.map { resource, scopes in
                OTLPDecodedRequest.ResourceSpans(
                    resource: .init(
                        attributes: keyValues(resource.attributes),
                        droppedAttributesCount: UInt32(resource.attributes.droppedCount),
                        entityRefs: []
                    ),
                    scopeSpans: scopes.map { scope, spans in
                        OTLPDecodedRequest.ScopeSpans(
                            scope: .init(
                                name: scope.name,
                                version: scope.version ?? "",
                                attributes: keyValues(scope.attributes),
                                droppedAttributesCount: UInt32(scope.attributes.droppedCount)
                            ),
                            spans: spans.map(expectedDecoded),
                            schemaURL: scope.schemaURL ?? ""
                        )
                    },
                    schemaURL: resource.schemaURL ?? ""
                )
            }
        )
    }

    static func expectedDecoded(_ span: OTelFinishedSpan) -> OTLPDecodedRequest.Span {
        let isRemote = span.parentSpanID != nil && span.parentIsRemote
        let statusCode: OTLPStatusCode? =
            switch span.status {
            case .unset: nil
            case .ok: .ok
            case .error: .error
            }
        let statusMessage = if case .error(let description) = span.status { description } else { "" }
        return OTLPDecodedRequest.Span(
            traceID: bytes(span.context.traceID),
            spanID: bytes(span.context.spanID),
            traceState: span.context.traceState.header,
            parentSpanID: span.parentSpanID.map(bytes) ?? [],
            flags: UInt32(span.context.traceFlags.rawValue) | 0x100 | (isRemote ? 0x200 : 0),
            name: span.name,
            kind: OTLPSpanKind(rawValue: kindNumber(span.kind)),
            startTimeUnixNano: span.startTime,
            endTimeUnixNano: span.endTime,
            attributes: keyValues(span.attributes),
            droppedAttributesCount: UInt32(span.attributes.droppedCount),
            events: span.events.map {
                .init(
                    timeUnixNano: $0.time,
                    name: $0.name,
                    attributes: keyValues($0.attributes),
                    droppedAttributesCount: UInt32($0.attributes.droppedCount)
                )
            },
            droppedEventsCount: UInt32(span.droppedEventCount),
            links: span.links.map {
                .init(
                    traceID: bytes($0.context.traceID),
                    spanID: bytes($0.context.spanID),
                    traceState: $0.context.traceState.header,
                    attributes: keyValues($0.attributes),
                    droppedAttributesCount: UInt32($0.attributes.droppedCount),
                    flags: UInt32($0.context.traceFlags.rawValue) | 0x100 | ($0.context.isRemote ? 0x200 : 0)
                )
            },
            droppedLinksCount: UInt32(span.droppedLinkCount),
            status: statusCode.map { .init(message: statusMessage, code: $0) }
        )
    }

    static func kindNumber(_ kind: OTelSpanKind) -> Int32 {
        switch kind {
        case .internal: 1
        case .server: 2
        case .client: 3
        case .producer: 4
        case .consumer: 5
        }
    }

    static func keyValues(_ attributes: OTelAttributes) -> [OTLPKeyValue] {
        attributes.map { OTLPKeyValue(key: $0.key, value: anyValue($0.value)) }
    }

    static func anyValue(_ value: OTelAttributeValue) -> OTLPAnyValue {
        switch value {
        case .string(let v): .string(v)
        case .bool(let v): .bool(v)
        case .int(let v): .int(v)
        case .double(let v): .double(v)
        case .stringArray(let v): .array(v.map { .string($0) })
        case .boolArray(let v): .array(v.map { .bool($0) })
        case .intArray(let v): .array(v.map { .int($0) })
        case .doubleArray(let v): .array(v.map { .double($0) })
        }
    }

    static func bytes(_ id: TraceID) -> [UInt8] { id.withUnsafeBytes { Array($0) } }
    static func bytes(_ id: SpanID) -> [UInt8] { id.withUnsafeBytes { Array($0) } }
}

internal import COTLP

extension OTLPDecodedRequest {
    /// Decodes a binary `ExportTraceServiceRequest` (or `TracesData`) with libprotobuf-c.
    ///
    /// - Throws: ``OTLPDecodingError`` for anything that is not a valid message; never crashes.
    package init(protobuf bytes: UnsafeRawBufferPointer) throws(OTLPDecodingError) {
        self = try ProtobufCDecoding.decode(
            bytes,
            messageName: "ExportTraceServiceRequest",
            nesting: .exportTraceServiceRequest,
            unpack: { opentelemetry__proto__collector__trace__v1__export_trace_service_request__unpack(nil, $0, $1) },
            free: { opentelemetry__proto__collector__trace__v1__export_trace_service_request__free_unpacked($0, nil) },
            convert: { (request) throws(OTLPDecodingError) in
                OTLPDecodedRequest(
                    resourceSpans: try ProtobufCDecoding.repeated(request.n_resource_spans, request.resource_spans) {
                        (resourceSpans) throws(OTLPDecodingError) in try ResourceSpans(resourceSpans)
                    }
                )
            }
        )
    }

    /// Decodes a binary `ExportTraceServiceRequest` (or `TracesData`) with libprotobuf-c.
    package init(protobuf bytes: [UInt8]) throws(OTLPDecodingError) {
        // Array.withUnsafeBytes rethrows untyped errors; carry the typed one out in a Result.
        self = try bytes.withUnsafeBytes { buffer in
            Result { () throws(OTLPDecodingError) in try Self(protobuf: buffer) }
        }.get()
    }
}

extension OTLPDecodedRequest.ResourceSpans {
    fileprivate init(_ c: borrowing Opentelemetry__Proto__Trace__V1__ResourceSpans) throws(OTLPDecodingError) {
        resource = try c.resource.map { (pointer) throws(OTLPDecodingError) in
            let resource = pointer.pointee
            return OTLPDecodedRequest.Resource(
                attributes: try ProtobufCDecoding.keyValues(resource.n_attributes, resource.attributes),
                droppedAttributesCount: resource.dropped_attributes_count,
                entityRefs: try ProtobufCDecoding.repeated(resource.n_entity_refs, resource.entity_refs) {
                    (entity) throws(OTLPDecodingError) in
                    OTLPDecodedRequest.EntityRef(
                        schemaURL: try ProtobufCDecoding.string(entity.schema_url, field: "EntityRef.schema_url"),
                        type: try ProtobufCDecoding.string(entity.type, field: "EntityRef.type"),
                        idKeys: try ProtobufCDecoding.strings(entity.n_id_keys, entity.id_keys, field: "EntityRef.id_keys"),
                        descriptionKeys: try ProtobufCDecoding.strings(
                            entity.n_description_keys, entity.description_keys, field: "EntityRef.description_keys"
                        )
                    )
                }
            )
        }
        scopeSpans = try ProtobufCDecoding.repeated(c.n_scope_spans, c.scope_spans) {
            (scopeSpans) throws(OTLPDecodingError) in try OTLPDecodedRequest.ScopeSpans(scopeSpans)
        }
        schemaURL = try ProtobufCDecoding.string(c.schema_url, field: "ResourceSpans.schema_url")
    }
}

extension OTLPDecodedRequest.ScopeSpans {
    fileprivate init(_ c: borrowing Opentelemetry__Proto__Trace__V1__ScopeSpans) throws(OTLPDecodingError) {
        scope = try c.scope.map { (pointer) throws(OTLPDecodingError) in
            let scope = pointer.pointee
            return OTLPDecodedRequest.InstrumentationScope(
                name: try ProtobufCDecoding.string(scope.name, field: "InstrumentationScope.name"),
                version: try ProtobufCDecoding.string(scope.version, field: "InstrumentationScope.version"),
                attributes: try ProtobufCDecoding.keyValues(scope.n_attributes, scope.attributes),
                droppedAttributesCount: scope.dropped_attributes_count
            )
        }
        spans = try ProtobufCDecoding.repeated(c.n_spans, c.spans) {
            (span) throws(OTLPDecodingError) in try OTLPDecodedRequest.Span(span)
        }
        schemaURL = try ProtobufCDecoding.string(c.schema_url, field: "ScopeSpans.schema_url")
    }
}

extension OTLPDecodedRequest.Span {
    fileprivate init(_ c: borrowing Opentelemetry__Proto__Trace__V1__Span) throws(OTLPDecodingError) {
        traceID = ProtobufCDecoding.bytes(c.trace_id)
        spanID = ProtobufCDecoding.bytes(c.span_id)
        traceState = try ProtobufCDecoding.string(c.trace_state, field: "Span.trace_state")
        parentSpanID = ProtobufCDecoding.bytes(c.parent_span_id)
        flags = c.flags
        name = try ProtobufCDecoding.string(c.name, field: "Span.name")
        kind = OTLPSpanKind(rawValue: Int32(truncatingIfNeeded: c.kind.rawValue))
        startTimeUnixNano = c.start_time_unix_nano
        endTimeUnixNano = c.end_time_unix_nano
        attributes = try ProtobufCDecoding.keyValues(c.n_attributes, c.attributes)
        droppedAttributesCount = c.dropped_attributes_count
        events = try ProtobufCDecoding.repeated(c.n_events, c.events) { (event) throws(OTLPDecodingError) in
            OTLPDecodedRequest.Event(
                timeUnixNano: event.time_unix_nano,
                name: try ProtobufCDecoding.string(event.name, field: "Span.Event.name"),
                attributes: try ProtobufCDecoding.keyValues(event.n_attributes, event.attributes),
                droppedAttributesCount: event.dropped_attributes_count
            )
        }
        droppedEventsCount = c.dropped_events_count
        links = try ProtobufCDecoding.repeated(c.n_links, c.links) { (link) throws(OTLPDecodingError) in
            OTLPDecodedRequest.Link(
                traceID: ProtobufCDecoding.bytes(link.trace_id),
                spanID: ProtobufCDecoding.bytes(link.span_id),
                traceState: try ProtobufCDecoding.string(link.trace_state, field: "Span.Link.trace_state"),
                attributes: try ProtobufCDecoding.keyValues(link.n_attributes, link.attributes),
                droppedAttributesCount: link.dropped_attributes_count,
                flags: link.flags
            )
        }
        droppedLinksCount = c.dropped_links_count
        status = try c.status.map { (pointer) throws(OTLPDecodingError) in
            OTLPDecodedRequest.Status(
                message: try ProtobufCDecoding.string(pointer.pointee.message, field: "Status.message"),
                code: OTLPStatusCode(rawValue: Int32(truncatingIfNeeded: pointer.pointee.code.rawValue))
            )
        }
    }
}

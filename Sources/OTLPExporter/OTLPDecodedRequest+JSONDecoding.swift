internal import Foundation

extension OTLPDecodedRequest {
    /// Decodes an OTLP/JSON `ExportTraceServiceRequest` (or `TracesData`), as receivers must read it
    /// (compat-spec.md §2.1 HTTP-4).
    ///
    /// Tolerant where the protobuf JSON mapping lets writers differ: trace and span ids are hex in
    /// either case; enums are integers or their names (`"SPAN_KIND_SERVER"`); 64-bit integers are
    /// strings or numbers; keys are lowerCamelCase or the original snake_case names; `null` is an
    /// absent field; unknown fields are ignored. Strict about the rest: a known field of the wrong
    /// type, a bad hex id, bad base64 or a non-integral integer is an error.
    ///
    /// - Throws: ``OTLPDecodingError/malformed(message:)`` naming the offending field, or
    ///   ``OTLPDecodingError/nestingTooDeep(limit:)``; never crashes.
    package init(json bytes: UnsafeRawBufferPointer) throws(OTLPDecodingError) {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw .malformed(message: "the body is not valid JSON")
        }
        let request = try OTLPJSONObject(root, path: "ExportTraceServiceRequest", depth: 1)
        var resourceSpans: [ResourceSpans] = []
        for (index, element) in try request.array("resourceSpans").enumerated() {
            resourceSpans.append(
                try ResourceSpans(json: OTLPJSONObject(element, path: "resourceSpans[\(index)]", depth: 2)))
        }
        self.init(resourceSpans: resourceSpans)
    }

    /// Decodes an OTLP/JSON `ExportTraceServiceRequest`; see ``init(json:)``.
    package init(json bytes: [UInt8]) throws(OTLPDecodingError) {
        self = try bytes.withUnsafeBytes { buffer in
            Result { () throws(OTLPDecodingError) in try Self(json: buffer) }
        }.get()
    }
}

extension OTLPDecodedRequest.ResourceSpans {
    fileprivate init(json: OTLPJSONObject) throws(OTLPDecodingError) {
        resource = try json.object("resource").map { (resource) throws(OTLPDecodingError) in
            var entityRefs: [OTLPDecodedRequest.EntityRef] = []
            for (index, element) in try resource.array("entityRefs").enumerated() {
                let ref = try resource.child(element, "entityRefs[\(index)]")
                entityRefs.append(
                    OTLPDecodedRequest.EntityRef(
                        schemaURL: try ref.string("schemaUrl"),
                        type: try ref.string("type"),
                        idKeys: try ref.strings("idKeys"),
                        descriptionKeys: try ref.strings("descriptionKeys")
                    ))
            }
            return OTLPDecodedRequest.Resource(
                attributes: try resource.attributes("attributes"),
                droppedAttributesCount: try resource.uint32("droppedAttributesCount"),
                entityRefs: entityRefs
            )
        }
        var scopeSpans: [OTLPDecodedRequest.ScopeSpans] = []
        for (index, element) in try json.array("scopeSpans").enumerated() {
            scopeSpans.append(try OTLPDecodedRequest.ScopeSpans(json: json.child(element, "scopeSpans[\(index)]")))
        }
        self.scopeSpans = scopeSpans
        schemaURL = try json.string("schemaUrl")
    }
}

extension OTLPDecodedRequest.ScopeSpans {
    fileprivate init(json: OTLPJSONObject) throws(OTLPDecodingError) {
        scope = try json.object("scope").map { (scope) throws(OTLPDecodingError) in
            OTLPDecodedRequest.InstrumentationScope(
                name: try scope.string("name"),
                version: try scope.string("version"),
                attributes: try scope.attributes("attributes"),
                droppedAttributesCount: try scope.uint32("droppedAttributesCount")
            )
        }
        var spans: [OTLPDecodedRequest.Span] = []
        for (index, element) in try json.array("spans").enumerated() {
            spans.append(try OTLPDecodedRequest.Span(json: json.child(element, "spans[\(index)]")))
        }
        self.spans = spans
        schemaURL = try json.string("schemaUrl")
    }
}

extension OTLPDecodedRequest.Span {
    fileprivate init(json: OTLPJSONObject) throws(OTLPDecodingError) {
        var events: [OTLPDecodedRequest.Event] = []
        for (index, element) in try json.array("events").enumerated() {
            let event = try json.child(element, "events[\(index)]")
            events.append(
                OTLPDecodedRequest.Event(
                    timeUnixNano: try event.uint64("timeUnixNano"),
                    name: try event.string("name"),
                    attributes: try event.attributes("attributes"),
                    droppedAttributesCount: try event.uint32("droppedAttributesCount")
                ))
        }
        var links: [OTLPDecodedRequest.Link] = []
        for (index, element) in try json.array("links").enumerated() {
            let link = try json.child(element, "links[\(index)]")
            links.append(
                OTLPDecodedRequest.Link(
                    traceID: try link.hexBytes("traceId"),
                    spanID: try link.hexBytes("spanId"),
                    traceState: try link.string("traceState"),
                    attributes: try link.attributes("attributes"),
                    droppedAttributesCount: try link.uint32("droppedAttributesCount"),
                    flags: try link.uint32("flags")
                ))
        }
        self.init(
            traceID: try json.hexBytes("traceId"),
            spanID: try json.hexBytes("spanId"),
            traceState: try json.string("traceState"),
            parentSpanID: try json.hexBytes("parentSpanId"),
            flags: try json.uint32("flags"),
            name: try json.string("name"),
            kind: OTLPSpanKind(rawValue: try json.enumValue("kind", names: OTLPJSONObject.spanKindNames)),
            startTimeUnixNano: try json.uint64("startTimeUnixNano"),
            endTimeUnixNano: try json.uint64("endTimeUnixNano"),
            attributes: try json.attributes("attributes"),
            droppedAttributesCount: try json.uint32("droppedAttributesCount"),
            events: events,
            droppedEventsCount: try json.uint32("droppedEventsCount"),
            links: links,
            droppedLinksCount: try json.uint32("droppedLinksCount"),
            status: try json.object("status").map { (status) throws(OTLPDecodingError) in
                OTLPDecodedRequest.Status(
                    message: try status.string("message"),
                    code: OTLPStatusCode(rawValue: try status.enumValue("code", names: OTLPJSONObject.statusCodeNames))
                )
            }
        )
    }
}

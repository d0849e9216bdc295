extension OTLPDecodedRequest {
    /// The request as one line of OTLP/JSON (an `ExportTraceServiceRequest`, no newline inside),
    /// written by ``OTLPJSONWriter``; ``init(json:)`` reads it back to an equal value,
    /// except that a status with code unset and no message reads back as absent (both mean unset).
    package var otlpJSON: [UInt8] {
        var writer = OTLPJSONWriter(initialCapacity: 4096)
        writer.writeExportTraceServiceRequest(self)
        return writer.writtenBytes
    }
}

extension OTLPJSONWriter {
    /// Writes a whole decoded `ExportTraceServiceRequest`, keeping every field, including absent
    /// resources and scopes, entity refs and dropped counts.
    package mutating func writeExportTraceServiceRequest(_ request: OTLPDecodedRequest) {
        writeExportTraceServiceRequest { writer in
            for resourceSpans in request.resourceSpans {
                writer.writeDecodedResourceSpans(resourceSpans)
            }
        }
    }

    private mutating func writeDecodedResourceSpans(_ resourceSpans: OTLPDecodedRequest.ResourceSpans) {
        beginObject()
        if let resource = resourceSpans.resource {
            object("resource") { writer in
                writer.writeAttributes(resource.attributes)
                if resource.droppedAttributesCount != 0 {
                    writer.key("droppedAttributesCount")
                    writer.number(resource.droppedAttributesCount)
                }
                writer.array("entityRefs") { refs in
                    for ref in resource.entityRefs {
                        refs.writeDecodedEntityRef(ref)
                    }
                }
            }
        }
        array("scopeSpans") { writer in
            for scopeSpans in resourceSpans.scopeSpans {
                writer.writeDecodedScopeSpans(scopeSpans)
            }
        }
        if !resourceSpans.schemaURL.isEmpty {
            key("schemaUrl")
            string(resourceSpans.schemaURL)
        }
        endObject()
    }

    private mutating func writeDecodedEntityRef(_ ref: OTLPDecodedRequest.EntityRef) {
        beginObject()
        if !ref.schemaURL.isEmpty {
            key("schemaUrl")
            string(ref.schemaURL)
        }
        if !ref.type.isEmpty {
            key("type")
            string(ref.type)
        }
        array("idKeys") { keys in
            for key in ref.idKeys { keys.string(key) }
        }
        array("descriptionKeys") { keys in
            for key in ref.descriptionKeys { keys.string(key) }
        }
        endObject()
    }

    private mutating func writeDecodedScopeSpans(_ scopeSpans: OTLPDecodedRequest.ScopeSpans) {
        beginObject()
        if let scope = scopeSpans.scope {
            object("scope") { writer in
                if !scope.name.isEmpty {
                    writer.key("name")
                    writer.string(scope.name)
                }
                if !scope.version.isEmpty {
                    writer.key("version")
                    writer.string(scope.version)
                }
                writer.writeAttributes(scope.attributes)
                if scope.droppedAttributesCount != 0 {
                    writer.key("droppedAttributesCount")
                    writer.number(scope.droppedAttributesCount)
                }
            }
        }
        array("spans") { writer in
            for span in scopeSpans.spans {
                writer.writeDecodedSpan(span)
            }
        }
        if !scopeSpans.schemaURL.isEmpty {
            key("schemaUrl")
            string(scopeSpans.schemaURL)
        }
        endObject()
    }

    private mutating func writeDecodedSpan(_ span: OTLPDecodedRequest.Span) {
        writeSpan(
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
            events: { writer in
                for event in span.events {
                    writer.writeEvent(
                        timeUnixNano: event.timeUnixNano,
                        name: event.name,
                        droppedAttributesCount: event.droppedAttributesCount,
                        attributes: { $0.writeAttributes(event.attributes) }
                    )
                }
            },
            droppedEventsCount: span.droppedEventsCount,
            links: { writer in
                for link in span.links {
                    writer.writeLink(
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
            statusCode: span.status?.code ?? .unset,
            statusMessage: span.status?.message ?? ""
        )
    }
}

import OTelModel

// The model's spans as OTLP/JSON, with the same walk and the same field rules as the protobuf writer
// (ProtobufReverseWriter+OTelFinishedSpan.swift), front to back.

extension OTLPJSONWriter {
    /// Writes a whole `ExportTraceServiceRequest` for `spans`, grouped by `grouping` (already computed for them).
    mutating func writeExportTraceServiceRequest(
        _ spans: UnsafeBufferPointer<OTelFinishedSpan>,
        grouping: borrowing OTLPSpanGrouping
    ) {
        writeExportTraceServiceRequest { w in
            for resourceGroup in grouping.resourceGroups {
                let resource = spans[resourceGroup.firstSpan].resource
                w.writeResourceSpans(
                    resourceAttributes: { $0.writeAttributes(resource.attributes) },
                    resourceDroppedAttributesCount: UInt32(clamping: resource.attributes.droppedCount),
                    schemaURL: resource.schemaURL ?? "",
                    scopeSpans: { w in
                        for scopeIndex in grouping.scopeOrder[resourceGroup.scopes] {
                            let scopeGroup = grouping.scopeGroups[scopeIndex]
                            let scope = spans[scopeGroup.firstSpan].instrumentationScope
                            w.writeScopeSpans(
                                scopeName: scope.name,
                                scopeVersion: scope.version ?? "",
                                scopeAttributes: { $0.writeAttributes(scope.attributes) },
                                scopeDroppedAttributesCount: UInt32(clamping: scope.attributes.droppedCount),
                                schemaURL: scope.schemaURL ?? "",
                                spans: { w in
                                    for offset in grouping.order[scopeGroup.spans] {
                                        w.writeSpan(spans[offset])
                                    }
                                }
                            )
                        }
                    }
                )
            }
        }
    }

    /// Writes one `Span` object with every field the model has (flags as in the protobuf encoding).
    mutating func writeSpan(_ span: OTelFinishedSpan) {
        writeSpan(
            traceID: span.context.traceID,
            spanID: span.context.spanID,
            traceState: span.context.traceState.isEmpty ? "" : span.context.traceState.header,
            parentSpanID: span.parentSpanID,
            flags: OTLPSpanFlags.make(
                traceFlags: span.context.traceFlags.rawValue,
                isRemote: span.parentSpanID != nil && span.parentIsRemote
            ),
            name: span.name,
            kind: span.kind.otlpKind,
            startTimeUnixNano: span.startTime,
            endTimeUnixNano: span.endTime,
            attributes: { $0.writeAttributes(span.attributes) },
            droppedAttributesCount: UInt32(clamping: span.attributes.droppedCount),
            events: { w in
                for event in span.events {
                    w.writeEvent(
                        timeUnixNano: event.time,
                        name: event.name,
                        droppedAttributesCount: UInt32(clamping: event.attributes.droppedCount),
                        attributes: { $0.writeAttributes(event.attributes) }
                    )
                }
            },
            droppedEventsCount: UInt32(clamping: span.droppedEventCount),
            links: { w in
                for link in span.links {
                    w.writeLink(
                        traceID: link.context.traceID,
                        spanID: link.context.spanID,
                        traceState: link.context.traceState.isEmpty ? "" : link.context.traceState.header,
                        flags: OTLPSpanFlags.make(
                            traceFlags: link.context.traceFlags.rawValue,
                            isRemote: link.context.isRemote
                        ),
                        droppedAttributesCount: UInt32(clamping: link.attributes.droppedCount),
                        attributes: { $0.writeAttributes(link.attributes) }
                    )
                }
            },
            droppedLinksCount: UInt32(clamping: span.droppedLinkCount),
            statusCode: span.status.otlpCode,
            statusMessage: span.status.otlpMessage
        )
    }
}

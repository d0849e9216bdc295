package import OTelModel

// The model's spans as OTLP/JSON, with the same walk and the same field rules as the protobuf writer
// (ProtobufReverseWriter+OTelFinishedSpan.swift), front to back.

extension OTLPJSONWriter {
    /// Writes a whole `ExportTraceServiceRequest` for `spans`, grouped by `grouping` (already computed for them).
    package mutating func writeExportTraceServiceRequest(
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
                                        w.writeSpan(spans.address(of: offset))
                                    }
                                }
                            )
                        }
                    }
                )
            }
        }
    }

    /// Writes one `Span` object with every field the model has (flags as in the protobuf encoding), reading it in
    /// place.
    mutating func writeSpan(_ span: UnsafePointer<OTelFinishedSpan>) {
        writeSpan(
            traceID: span.pointee.context.traceID,
            spanID: span.pointee.context.spanID,
            traceState: span.pointee.context.traceState.isEmpty ? "" : span.pointee.context.traceState.header,
            parentSpanID: span.pointee.parentSpanID,
            flags: OTLPSpanFlags.make(
                traceFlags: span.pointee.context.traceFlags.rawValue,
                isRemote: span.pointee.parentSpanID != nil && span.pointee.parentIsRemote
            ),
            name: span.pointee.name,
            kind: span.pointee.kind.otlpKind,
            startTimeUnixNano: span.pointee.startTime,
            endTimeUnixNano: span.pointee.endTime,
            attributes: { $0.writeAttributes(span.pointee.attributes) },
            droppedAttributesCount: UInt32(clamping: span.pointee.attributes.droppedCount),
            events: { w in
                span.pointee.eventList.withEvents { events in
                    for position in events.indices {
                        w.writeEvent(events.address(of: position))
                    }
                }
            },
            droppedEventsCount: UInt32(clamping: span.pointee.droppedEventCount),
            links: { w in
                span.pointee.links.withUnsafeBufferPointer { links in
                    for position in links.indices {
                        w.writeLink(links.address(of: position))
                    }
                }
            },
            droppedLinksCount: UInt32(clamping: span.pointee.droppedLinkCount),
            statusCode: span.pointee.status.otlpCode,
            statusMessage: span.pointee.status.otlpMessage
        )
    }

    /// Writes one `Span.Event` object, reading it in place.
    private mutating func writeEvent(_ event: UnsafePointer<OTelSpanEvent>) {
        writeEvent(
            timeUnixNano: event.pointee.time,
            name: event.pointee.name,
            droppedAttributesCount: UInt32(clamping: event.pointee.droppedAttributeCount),
            attributes: { w in
                if let sole = event.pointee.soleAttribute {
                    withUnsafePointer(to: sole) { w.writeAttributeEntries(UnsafeBufferPointer(start: $0, count: 1)) }
                } else {
                    w.writeAttributes(event.pointee.storedAttributes)
                }
            }
        )
    }

    /// Writes one `Span.Link` object, reading it in place.
    private mutating func writeLink(_ link: UnsafePointer<OTelSpanLink>) {
        writeLink(
            traceID: link.pointee.context.traceID,
            spanID: link.pointee.context.spanID,
            traceState: link.pointee.context.traceState.isEmpty ? "" : link.pointee.context.traceState.header,
            flags: OTLPSpanFlags.make(
                traceFlags: link.pointee.context.traceFlags.rawValue,
                isRemote: link.pointee.context.isRemote
            ),
            droppedAttributesCount: UInt32(clamping: link.pointee.attributes.droppedCount),
            attributes: { $0.writeAttributes(link.pointee.attributes) }
        )
    }

    /// Writes `"attributes":[…]` from `attributes`, in order, reading each entry in place (iterating the collection
    /// would cost a call into the model and a copy of every key and value); nothing when empty.
    package mutating func writeAttributes(_ attributes: OTelAttributes) {
        attributes.withEntries { writeAttributeEntries($0) }
    }

    /// Writes `"attributes":[…]` from lent attribute entries, in order; nothing when empty.
    mutating func writeAttributeEntries(_ entries: UnsafeBufferPointer<OTelAttributes.Entry>) {
        guard !entries.isEmpty else { return }
        array("attributes") { array in
            for position in entries.indices {
                let entry = entries.address(of: position)
                if !array.writeCompactKeyValue(key: entry.pointee.key, value: entry.pointee.value) {
                    array.writeKeyValue(key: entry.pointee.key, value: entry.pointee.value)
                }
            }
        }
    }
}

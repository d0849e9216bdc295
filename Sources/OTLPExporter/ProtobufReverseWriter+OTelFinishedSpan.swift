package import OTelModel

// The model's spans as OTLP protobuf, written back to front (see ProtobufReverseWriter): fields from the highest
// number to the lowest, repeated elements last-first. Everything is read in place from the model values; nothing
// is copied or allocated per span.

extension ProtobufReverseWriter {
    /// Writes a whole `ExportTraceServiceRequest` for `spans`, grouped by `grouping` (already computed for them).
    package mutating func writeExportTraceServiceRequest(
        _ spans: UnsafeBufferPointer<OTelFinishedSpan>,
        grouping: borrowing OTLPSpanGrouping
    ) {
        for resourceGroup in grouping.resourceGroups.reversed() {
            let resource = spans[resourceGroup.firstSpan].resource
            writeMessage(field: OTLPField.ExportTraceServiceRequest.resourceSpans) { w in
                if let schemaURL = resource.schemaURL, !schemaURL.isEmpty {
                    w.writeStringField(OTLPField.ResourceSpans.schemaURL, schemaURL)
                }
                for scopeIndex in grouping.scopeOrder[resourceGroup.scopes].reversed() {
                    let scopeGroup = grouping.scopeGroups[scopeIndex]
                    let scope = spans[scopeGroup.firstSpan].instrumentationScope
                    w.writeMessage(field: OTLPField.ResourceSpans.scopeSpans) { w in
                        if let schemaURL = scope.schemaURL, !schemaURL.isEmpty {
                            w.writeStringField(OTLPField.ScopeSpans.schemaURL, schemaURL)
                        }
                        for offset in grouping.order[scopeGroup.spans].reversed() {
                            w.writeSpan(spans.address(of: offset))
                        }
                        w.writeMessage(field: OTLPField.ScopeSpans.scope) { w in
                            w.writeDroppedCount(
                                OTLPField.InstrumentationScope.droppedAttributesCount,
                                scope.attributes.droppedCount
                            )
                            w.writeAttributes(field: OTLPField.InstrumentationScope.attributes, scope.attributes)
                            if let version = scope.version, !version.isEmpty {
                                w.writeStringField(OTLPField.InstrumentationScope.version, version)
                            }
                            if !scope.name.isEmpty {
                                w.writeStringField(OTLPField.InstrumentationScope.name, scope.name)
                            }
                        }
                    }
                }
                // Always present, even without attributes.
                w.writeMessage(field: OTLPField.ResourceSpans.resource) { w in
                    w.writeDroppedCount(OTLPField.Resource.droppedAttributesCount, resource.attributes.droppedCount)
                    w.writeAttributes(field: OTLPField.Resource.attributes, resource.attributes)
                }
            }
        }
    }

    /// Writes one `Span` (field 2 of `ScopeSpans`) with every field the model has, reading it in place.
    ///
    /// `flags` carries the W3C trace flags in bits 0–7, "is-remote known" in bit 8 and "parent is remote" in bit 9
    /// (a root span has no remote parent: bit 8 only), as OTel Java and Go write them.
    mutating func writeSpan(_ span: UnsafePointer<OTelFinishedSpan>) {
        writeMessage(field: OTLPField.ScopeSpans.spans) { w in
            w.writeFixed32Field(
                OTLPField.Span.flags,
                OTLPSpanFlags.make(
                    traceFlags: span.pointee.context.traceFlags.rawValue,
                    isRemote: span.pointee.parentSpanID != nil && span.pointee.parentIsRemote
                )
            )
            let statusCode = span.pointee.status.otlpCode
            if statusCode != .unset {
                w.writeMessage(field: OTLPField.Span.status) { status in
                    status.writeInt32Field(OTLPField.Status.code, statusCode.rawValue)
                    let message = span.pointee.status.otlpMessage
                    if !message.isEmpty {
                        status.writeStringField(OTLPField.Status.message, message)
                    }
                }
            }
            w.writeDroppedCount(OTLPField.Span.droppedLinksCount, span.pointee.droppedLinkCount)
            span.pointee.links.withUnsafeBufferPointer { links in
                for position in links.indices.reversed() {
                    w.writeLink(links.address(of: position))
                }
            }
            w.writeDroppedCount(OTLPField.Span.droppedEventsCount, span.pointee.droppedEventCount)
            span.pointee.eventList.withEvents { events in
                for position in events.indices.reversed() {
                    w.writeEvent(events.address(of: position))
                }
            }
            w.writeDroppedCount(OTLPField.Span.droppedAttributesCount, span.pointee.attributes.droppedCount)
            w.writeAttributes(field: OTLPField.Span.attributes, span.pointee.attributes)
            w.writeKindAndTimes(
                kind: span.pointee.kind.otlpKind,
                startTime: span.pointee.startTime,
                endTime: span.pointee.endTime
            )
            if !span.pointee.name.isEmpty {
                w.writeStringField(OTLPField.Span.name, span.pointee.name)
            }
            if let parentSpanID = span.pointee.parentSpanID {
                w.writeBytesField(OTLPField.Span.parentSpanID, parentSpanID)
            }
            w.writeTraceStateField(OTLPField.Span.traceState, span.pointee.context.traceState)
            w.writeIDFields(span.pointee.context.traceID, span.pointee.context.spanID)
        }
    }

    /// Writes one `Span.Event`, reading it in place.
    private mutating func writeEvent(_ event: UnsafePointer<OTelSpanEvent>) {
        writeMessage(field: OTLPField.Span.events) { w in
            w.writeDroppedCount(OTLPField.Event.droppedAttributesCount, event.pointee.droppedAttributeCount)
            if let sole = event.pointee.soleAttribute {
                withUnsafePointer(to: sole) {
                    w.writeAttributeEntries(field: OTLPField.Event.attributes, UnsafeBufferPointer(start: $0, count: 1))
                }
            } else {
                w.writeAttributes(field: OTLPField.Event.attributes, event.pointee.storedAttributes)
            }
            if !event.pointee.name.isEmpty {
                w.writeStringField(OTLPField.Event.name, event.pointee.name)
            }
            if event.pointee.time != 0 {
                w.writeFixed64Field(OTLPField.Event.timeUnixNano, event.pointee.time)
            }
        }
    }

    /// Writes one `Span.Link`, reading it in place; its flags say whether the linked context is remote (bits 8, 9).
    private mutating func writeLink(_ link: UnsafePointer<OTelSpanLink>) {
        writeMessage(field: OTLPField.Span.links) { w in
            w.writeFixed32Field(
                OTLPField.Link.flags,
                OTLPSpanFlags.make(
                    traceFlags: link.pointee.context.traceFlags.rawValue,
                    isRemote: link.pointee.context.isRemote
                )
            )
            w.writeDroppedCount(OTLPField.Link.droppedAttributesCount, link.pointee.attributes.droppedCount)
            w.writeAttributes(field: OTLPField.Link.attributes, link.pointee.attributes)
            w.writeTraceStateField(OTLPField.Link.traceState, link.pointee.context.traceState)
            w.writeIDFields(link.pointee.context.traceID, link.pointee.context.spanID)
        }
    }

    /// Writes `attributes` as repeated `KeyValue` field `field`, in order, reading each entry in place: iterating
    /// the collection would cost a call into the model and a copy of every key and value.
    @inline(__always)
    package mutating func writeAttributes(field: UInt32, _ attributes: OTelAttributes) {
        attributes.withEntries { writeAttributeEntries(field: field, $0) }
    }

    /// Writes lent attribute entries as repeated `KeyValue` field `field`, in order.
    @inline(__always)
    mutating func writeAttributeEntries(field: UInt32, _ entries: UnsafeBufferPointer<OTelAttributes.Entry>) {
        for position in entries.indices.reversed() {
            let entry = entries.address(of: position)
            if !writeCompactKeyValue(field: field, key: entry.pointee.key, value: entry.pointee.value) {
                writeKeyValue(field: field, key: entry.pointee.key, value: entry.pointee.value)
            }
        }
    }

    /// Writes `trace_id` and `span_id`, fields 1 and 2 of both `Span` and `Span.Link`: 28 bytes of fixed layout, in
    /// one reservation.
    @inline(__always)
    mutating func writeIDFields(_ traceID: TraceID, _ spanID: SpanID) {
        writeReserved(byteCount: 28) { bytes in
            bytes.storeBytes(of: Self.tag(OTLPField.Span.traceID, .lengthDelimited), as: UInt8.self)
            bytes.storeBytes(of: 16, toByteOffset: 1, as: UInt8.self)
            traceID.withOTLPBytes { UnsafeMutableRawBufferPointer(start: bytes + 2, count: 16).copyMemory(from: $0) }
            bytes.storeBytes(of: Self.tag(OTLPField.Span.spanID, .lengthDelimited), toByteOffset: 18, as: UInt8.self)
            bytes.storeBytes(of: 8, toByteOffset: 19, as: UInt8.self)
            spanID.withOTLPBytes { UnsafeMutableRawBufferPointer(start: bytes + 20, count: 8).copyMemory(from: $0) }
        }
    }

    /// Writes `kind` (always; a model kind is never UNSPECIFIED) and the non-zero times, fields 6–8 of `Span`, in one
    /// reservation.
    @inline(__always)
    mutating func writeKindAndTimes(kind: OTLPSpanKind, startTime: UInt64, endTime: UInt64) {
        let kindValue = UInt64(bitPattern: Int64(kind.rawValue))
        let kindSize = 1 + Self.varintSize(kindValue)
        let byteCount = kindSize + (startTime != 0 ? 9 : 0) + (endTime != 0 ? 9 : 0)
        writeReserved(byteCount: byteCount) { bytes in
            bytes.storeBytes(of: Self.tag(OTLPField.Span.kind, .varint), as: UInt8.self)
            Self.storeVarint(kindValue, at: bytes + 1)
            var offset = kindSize
            if startTime != 0 {
                bytes.storeBytes(of: Self.tag(OTLPField.Span.startTimeUnixNano, .fixed64), toByteOffset: offset, as: UInt8.self)
                bytes.storeBytes(of: startTime.littleEndian, toByteOffset: offset + 1, as: UInt64.self)
                offset += 9
            }
            if endTime != 0 {
                bytes.storeBytes(of: Self.tag(OTLPField.Span.endTimeUnixNano, .fixed64), toByteOffset: offset, as: UInt8.self)
                bytes.storeBytes(of: endTime.littleEndian, toByteOffset: offset + 1, as: UInt64.self)
            }
        }
    }

    /// Writes a `uint32` dropped count, omitted at zero; counts above `UInt32.max` are clamped.
    @inline(__always)
    mutating func writeDroppedCount(_ field: UInt32, _ count: Int) {
        if count > 0 {
            writeVarintField(field, UInt64(UInt32(clamping: count)))
        }
    }

    /// Writes a trace state as its W3C header value (`k1=v1,k2=v2`) straight from its entries, without building
    /// the header string; omitted when empty.
    @inline(__always)
    mutating func writeTraceStateField(_ field: UInt32, _ traceState: OTelTraceState) {
        let entries = traceState.entries
        guard !entries.isEmpty else { return }
        let end = count
        for position in entries.indices.reversed() {
            writeRawUTF8(entries[position].value)
            writeRawByte(UInt8(ascii: "="))
            writeRawUTF8(entries[position].key)
            if position > entries.startIndex {
                writeRawByte(UInt8(ascii: ","))
            }
        }
        writeVarint(UInt64(count - end))
        writeTag(field: field, wireType: .lengthDelimited)
    }

    @inline(__always)
    private mutating func writeRawByte(_ byte: UInt8) {
        withUnsafeBytes(of: byte) { writeRawBytes($0) }
    }
}

// Writers for the messages of an OTLP `ExportTraceServiceRequest`, one function per message,
// taking plain values. Each writes one element of a repeated field of the enclosing message;
// children come as closures that write their elements last-first (see ProtobufReverseWriter).
// proto3 singular fields at their default value are omitted; oneof members never are.
//
// An encode of a batch is therefore a walk:
//
//     for resource in groups.reversed() {
//         writer.writeResourceSpans(resourceAttributes: { w in ... }, scopeSpans: { w in
//             for scope in resource.scopes.reversed() {
//                 w.writeScopeSpans(scopeName: ..., spans: { w in
//                     for span in scope.spans.reversed() { w.writeSpan(...) }
//                 })
//             }
//         })
//     }

extension ProtobufReverseWriter {
    // MARK: - Attributes

    /// Writes one `KeyValue` as field `field` of the enclosing message.
    @inline(__always)
    package mutating func writeKeyValue(field: UInt32, key: String, value: some OTLPAnyValueEncodable) {
        writeMessage(field: field) { pair in
            // The value is always present, even when it is an empty AnyValue.
            pair.writeMessage(field: OTLPField.KeyValue.value) { value.writeAnyValueMember(into: &$0) }
            if !key.isEmpty {
                pair.writeStringField(OTLPField.KeyValue.key, key)
            }
        }
    }

    /// Writes the `KeyValue`s of `attributes` as repeated field `field`, keeping their order.
    @inline(__always)
    package mutating func writeAttributes<Value: OTLPAnyValueEncodable>(
        field: UInt32,
        _ attributes: some BidirectionalCollection<(key: String, value: Value)>
    ) {
        for attribute in attributes.reversed() {
            writeKeyValue(field: field, key: attribute.key, value: attribute.value)
        }
    }

    /// Writes the `KeyValue`s of `attributes` as repeated field `field`, keeping their order.
    @inline(__always)
    package mutating func writeAttributes(field: UInt32, _ attributes: [OTLPKeyValue]) {
        for attribute in attributes.reversed() {
            writeKeyValue(field: field, key: attribute.key, value: attribute.value)
        }
    }

    // MARK: - AnyValue members

    /// Writes an `array_value` member holding `elements` in order.
    @inline(__always)
    package mutating func writeAnyValueArray<Elements: BidirectionalCollection>(_ elements: Elements)
    where Elements.Element: OTLPAnyValueEncodable {
        writeMessage(field: OTLPField.AnyValue.arrayValue) { array in
            for element in elements.reversed() {
                array.writeMessage(field: OTLPField.ArrayValue.values) { element.writeAnyValueMember(into: &$0) }
            }
        }
    }

    /// Writes a `kvlist_value` member; `pairs` writes `KeyValue`s as field 1, last first.
    @inline(__always)
    package mutating func writeAnyValueKeyValueList(_ pairs: (inout ProtobufReverseWriter) -> Void) {
        writeMessage(field: OTLPField.AnyValue.kvlistValue, pairs)
    }

    /// Writes a `bytes_value` member.
    @inline(__always)
    package mutating func writeAnyValueBytes(_ bytes: some OTLPBytesRepresentable) {
        writeBytesField(OTLPField.AnyValue.bytesValue, bytes)
    }

    // MARK: - Trace messages

    /// Writes one `ResourceSpans` (field 1 of `ExportTraceServiceRequest` / `TracesData`).
    package mutating func writeResourceSpans(
        resourceAttributes: (inout ProtobufReverseWriter) -> Void,
        resourceDroppedAttributesCount: UInt32 = 0,
        schemaURL: String = "",
        scopeSpans: (inout ProtobufReverseWriter) -> Void
    ) {
        writeMessage(field: OTLPField.ExportTraceServiceRequest.resourceSpans) { w in
            if !schemaURL.isEmpty {
                w.writeStringField(OTLPField.ResourceSpans.schemaURL, schemaURL)
            }
            scopeSpans(&w)
            // The resource is always written, even without attributes: it is present, just empty.
            w.writeMessage(field: OTLPField.ResourceSpans.resource) { resource in
                if resourceDroppedAttributesCount != 0 {
                    resource.writeVarintField(OTLPField.Resource.droppedAttributesCount, UInt64(resourceDroppedAttributesCount))
                }
                resourceAttributes(&resource)
            }
        }
    }

    /// Writes one `ScopeSpans` (field 2 of `ResourceSpans`).
    package mutating func writeScopeSpans(
        scopeName: String,
        scopeVersion: String = "",
        scopeAttributes: (inout ProtobufReverseWriter) -> Void = { _ in },
        scopeDroppedAttributesCount: UInt32 = 0,
        schemaURL: String = "",
        spans: (inout ProtobufReverseWriter) -> Void
    ) {
        writeMessage(field: OTLPField.ResourceSpans.scopeSpans) { w in
            if !schemaURL.isEmpty {
                w.writeStringField(OTLPField.ScopeSpans.schemaURL, schemaURL)
            }
            spans(&w)
            w.writeMessage(field: OTLPField.ScopeSpans.scope) { scope in
                if scopeDroppedAttributesCount != 0 {
                    scope.writeVarintField(
                        OTLPField.InstrumentationScope.droppedAttributesCount,
                        UInt64(scopeDroppedAttributesCount)
                    )
                }
                scopeAttributes(&scope)
                if !scopeVersion.isEmpty {
                    scope.writeStringField(OTLPField.InstrumentationScope.version, scopeVersion)
                }
                if !scopeName.isEmpty {
                    scope.writeStringField(OTLPField.InstrumentationScope.name, scopeName)
                }
            }
        }
    }

    /// Writes one `Span` (field 2 of `ScopeSpans`).
    ///
    /// - Parameters:
    ///   - parentSpanID: `nil` (or empty) for a root span.
    ///   - flags: W3C trace flags in bits 0–7, bits 8–9 per ``OTLPSpanFlags`` (fixed32; 0 is omitted
    ///     like any proto3 default).
    ///   - attributes, events, links: write their elements last-first with ``writeAttributes(field:_:)``
    ///     / ``writeKeyValue(field:key:value:)`` (field 9), ``writeEvent(timeUnixNano:name:droppedAttributesCount:attributes:)``
    ///     and ``writeLink(traceID:spanID:traceState:flags:droppedAttributesCount:attributes:)``.
    package mutating func writeSpan<TraceID: OTLPBytesRepresentable, SpanID: OTLPBytesRepresentable, ParentID: OTLPBytesRepresentable>(
        traceID: TraceID,
        spanID: SpanID,
        traceState: String = "",
        parentSpanID: ParentID?,
        flags: UInt32,
        name: String,
        kind: OTLPSpanKind,
        startTimeUnixNano: UInt64,
        endTimeUnixNano: UInt64,
        attributes: (inout ProtobufReverseWriter) -> Void,
        droppedAttributesCount: UInt32 = 0,
        events: (inout ProtobufReverseWriter) -> Void = { _ in },
        droppedEventsCount: UInt32 = 0,
        links: (inout ProtobufReverseWriter) -> Void = { _ in },
        droppedLinksCount: UInt32 = 0,
        statusCode: OTLPStatusCode = .unset,
        statusMessage: String = ""
    ) {
        writeMessage(field: OTLPField.ScopeSpans.spans) { w in
            if flags != 0 {
                w.writeFixed32Field(OTLPField.Span.flags, flags)
            }
            // An absent Status means UNSET, so an unset status without message costs nothing.
            if statusCode != .unset || !statusMessage.isEmpty {
                w.writeMessage(field: OTLPField.Span.status) { status in
                    if statusCode != .unset {
                        status.writeInt32Field(OTLPField.Status.code, statusCode.rawValue)
                    }
                    if !statusMessage.isEmpty {
                        status.writeStringField(OTLPField.Status.message, statusMessage)
                    }
                }
            }
            if droppedLinksCount != 0 {
                w.writeVarintField(OTLPField.Span.droppedLinksCount, UInt64(droppedLinksCount))
            }
            links(&w)
            if droppedEventsCount != 0 {
                w.writeVarintField(OTLPField.Span.droppedEventsCount, UInt64(droppedEventsCount))
            }
            events(&w)
            if droppedAttributesCount != 0 {
                w.writeVarintField(OTLPField.Span.droppedAttributesCount, UInt64(droppedAttributesCount))
            }
            attributes(&w)
            if endTimeUnixNano != 0 {
                w.writeFixed64Field(OTLPField.Span.endTimeUnixNano, endTimeUnixNano)
            }
            if startTimeUnixNano != 0 {
                w.writeFixed64Field(OTLPField.Span.startTimeUnixNano, startTimeUnixNano)
            }
            if kind != .unspecified {
                w.writeInt32Field(OTLPField.Span.kind, kind.rawValue)
            }
            if !name.isEmpty {
                w.writeStringField(OTLPField.Span.name, name)
            }
            if let parentSpanID {
                parentSpanID.withOTLPBytes { bytes in
                    if !bytes.isEmpty {
                        w.writeBytesField(OTLPField.Span.parentSpanID, bytes)
                    }
                }
            }
            if !traceState.isEmpty {
                w.writeStringField(OTLPField.Span.traceState, traceState)
            }
            w.writeBytesField(OTLPField.Span.spanID, spanID)
            w.writeBytesField(OTLPField.Span.traceID, traceID)
        }
    }

    /// Writes one `Span.Event` (field 11 of `Span`).
    package mutating func writeEvent(
        timeUnixNano: UInt64,
        name: String,
        droppedAttributesCount: UInt32 = 0,
        attributes: (inout ProtobufReverseWriter) -> Void
    ) {
        writeMessage(field: OTLPField.Span.events) { w in
            if droppedAttributesCount != 0 {
                w.writeVarintField(OTLPField.Event.droppedAttributesCount, UInt64(droppedAttributesCount))
            }
            attributes(&w)
            if !name.isEmpty {
                w.writeStringField(OTLPField.Event.name, name)
            }
            if timeUnixNano != 0 {
                w.writeFixed64Field(OTLPField.Event.timeUnixNano, timeUnixNano)
            }
        }
    }

    /// Writes one `Span.Link` (field 13 of `Span`); `flags` has the layout of `Span.flags`, bit 9
    /// meaning the linked context is remote.
    package mutating func writeLink(
        traceID: some OTLPBytesRepresentable,
        spanID: some OTLPBytesRepresentable,
        traceState: String = "",
        flags: UInt32,
        droppedAttributesCount: UInt32 = 0,
        attributes: (inout ProtobufReverseWriter) -> Void
    ) {
        writeMessage(field: OTLPField.Span.links) { w in
            if flags != 0 {
                w.writeFixed32Field(OTLPField.Link.flags, flags)
            }
            if droppedAttributesCount != 0 {
                w.writeVarintField(OTLPField.Link.droppedAttributesCount, UInt64(droppedAttributesCount))
            }
            attributes(&w)
            if !traceState.isEmpty {
                w.writeStringField(OTLPField.Link.traceState, traceState)
            }
            w.writeBytesField(OTLPField.Link.spanID, spanID)
            w.writeBytesField(OTLPField.Link.traceID, traceID)
        }
    }
}

// OTLP/JSON writers for the messages of an `ExportTraceServiceRequest`, shaped like the protobuf
// ones (ProtobufReverseWriter+OTLPTrace.swift) so one walk can drive either; JSON is written front
// to back, so here children are written first-last. Each element writer writes one JSON object
// into the array its caller opened.

extension OTLPJSONWriter {
    // MARK: - Attributes

    /// Writes one `KeyValue` object as an element of an `attributes` / `values` array.
    package mutating func writeKeyValue(key: String, value: some OTLPAnyValueEncodable) {
        beginObject()
        if !key.isEmpty {
            self.key("key")
            string(key)
        }
        object("value") { value.writeAnyValueMember(into: &$0) }
        endObject()
    }

    /// Writes `"attributes":[…]` from `attributes`, in order; nothing when empty.
    package mutating func writeAttributes(_ attributes: [OTLPKeyValue]) {
        guard !attributes.isEmpty else { return }
        array("attributes") { array in
            for attribute in attributes {
                array.writeKeyValue(key: attribute.key, value: attribute.value)
            }
        }
    }

    /// Writes `"attributes":[…]` from (key, value) pairs, in order; nothing when empty.
    package mutating func writeAttributes<Value: OTLPAnyValueEncodable>(
        _ attributes: some Collection<(key: String, value: Value)>
    ) {
        guard !attributes.isEmpty else { return }
        array("attributes") { array in
            for attribute in attributes {
                array.writeKeyValue(key: attribute.key, value: attribute.value)
            }
        }
    }

    // MARK: - AnyValue members

    /// Writes `"arrayValue":{"values":[…]}` holding `elements` in order.
    package mutating func writeAnyValueArray<Elements: Collection>(_ elements: Elements)
    where Elements.Element: OTLPAnyValueEncodable {
        object("arrayValue") { arrayValue in
            arrayValue.array("values") { values in
                for element in elements {
                    values.beginObject()
                    element.writeAnyValueMember(into: &values)
                    values.endObject()
                }
            }
        }
    }

    /// Writes `"kvlistValue":{"values":[…]}`; `pairs` writes ``writeKeyValue(key:value:)`` elements.
    package mutating func writeAnyValueKeyValueList(_ pairs: (inout OTLPJSONWriter) -> Void) {
        object("kvlistValue") { list in
            list.array("values", pairs)
        }
    }

    /// Writes `"bytesValue":"<base64>"`.
    package mutating func writeAnyValueBytes(_ value: some OTLPBytesRepresentable) {
        key("bytesValue")
        base64(value)
    }

    // MARK: - Trace messages

    /// Writes a whole `ExportTraceServiceRequest`: `{"resourceSpans":[…]}`, or `{}` when
    /// `resourceSpans` writes nothing.
    package mutating func writeExportTraceServiceRequest(_ resourceSpans: (inout OTLPJSONWriter) -> Void) {
        beginObject()
        array("resourceSpans", resourceSpans)
        endObject()
    }

    /// Writes one `ResourceSpans` object (an element of `resourceSpans`).
    package mutating func writeResourceSpans(
        resourceAttributes: (inout OTLPJSONWriter) -> Void,
        resourceDroppedAttributesCount: UInt32 = 0,
        schemaURL: String = "",
        scopeSpans: (inout OTLPJSONWriter) -> Void
    ) {
        beginObject()
        object("resource") { resource in
            resourceAttributes(&resource)
            if resourceDroppedAttributesCount != 0 {
                resource.key("droppedAttributesCount")
                resource.number(resourceDroppedAttributesCount)
            }
        }
        array("scopeSpans", scopeSpans)
        if !schemaURL.isEmpty {
            key("schemaUrl")
            string(schemaURL)
        }
        endObject()
    }

    /// Writes one `ScopeSpans` object (an element of `scopeSpans`).
    package mutating func writeScopeSpans(
        scopeName: String,
        scopeVersion: String = "",
        scopeAttributes: (inout OTLPJSONWriter) -> Void = { _ in },
        scopeDroppedAttributesCount: UInt32 = 0,
        schemaURL: String = "",
        spans: (inout OTLPJSONWriter) -> Void
    ) {
        beginObject()
        object("scope") { scope in
            if !scopeName.isEmpty {
                scope.key("name")
                scope.string(scopeName)
            }
            if !scopeVersion.isEmpty {
                scope.key("version")
                scope.string(scopeVersion)
            }
            scopeAttributes(&scope)
            if scopeDroppedAttributesCount != 0 {
                scope.key("droppedAttributesCount")
                scope.number(scopeDroppedAttributesCount)
            }
        }
        array("spans", spans)
        if !schemaURL.isEmpty {
            key("schemaUrl")
            string(schemaURL)
        }
        endObject()
    }

    /// Writes one `Span` object (an element of `spans`); the closures write
    /// `"attributes":[…]` (`writeAttributes(_:)`), ``writeEvent(timeUnixNano:name:droppedAttributesCount:attributes:)``
    /// and ``writeLink(traceID:spanID:traceState:flags:droppedAttributesCount:attributes:)`` elements.
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
        attributes: (inout OTLPJSONWriter) -> Void,
        droppedAttributesCount: UInt32 = 0,
        events: (inout OTLPJSONWriter) -> Void = { _ in },
        droppedEventsCount: UInt32 = 0,
        links: (inout OTLPJSONWriter) -> Void = { _ in },
        droppedLinksCount: UInt32 = 0,
        statusCode: OTLPStatusCode = .unset,
        statusMessage: String = ""
    ) {
        beginObject()
        key("traceId")
        hex(traceID)
        key("spanId")
        hex(spanID)
        if !traceState.isEmpty {
            key("traceState")
            string(traceState)
        }
        if let parentSpanID, parentSpanID.withOTLPBytes({ !$0.isEmpty }) {
            key("parentSpanId")
            hex(parentSpanID)
        }
        if flags != 0 {
            key("flags")
            number(flags)
        }
        if !name.isEmpty {
            key("name")
            string(name)
        }
        if kind != .unspecified {
            key("kind")
            number(kind.rawValue)
        }
        if startTimeUnixNano != 0 {
            key("startTimeUnixNano")
            quotedNumber(startTimeUnixNano)
        }
        if endTimeUnixNano != 0 {
            key("endTimeUnixNano")
            quotedNumber(endTimeUnixNano)
        }
        attributes(&self)
        if droppedAttributesCount != 0 {
            key("droppedAttributesCount")
            number(droppedAttributesCount)
        }
        array("events", events)
        if droppedEventsCount != 0 {
            key("droppedEventsCount")
            number(droppedEventsCount)
        }
        array("links", links)
        if droppedLinksCount != 0 {
            key("droppedLinksCount")
            number(droppedLinksCount)
        }
        if statusCode != .unset || !statusMessage.isEmpty {
            object("status") { status in
                if !statusMessage.isEmpty {
                    status.key("message")
                    status.string(statusMessage)
                }
                if statusCode != .unset {
                    status.key("code")
                    status.number(statusCode.rawValue)
                }
            }
        }
        endObject()
    }

    /// Writes one `Span.Event` object (an element of `events`).
    package mutating func writeEvent(
        timeUnixNano: UInt64,
        name: String,
        droppedAttributesCount: UInt32 = 0,
        attributes: (inout OTLPJSONWriter) -> Void
    ) {
        beginObject()
        if timeUnixNano != 0 {
            key("timeUnixNano")
            quotedNumber(timeUnixNano)
        }
        if !name.isEmpty {
            key("name")
            string(name)
        }
        attributes(&self)
        if droppedAttributesCount != 0 {
            key("droppedAttributesCount")
            number(droppedAttributesCount)
        }
        endObject()
    }

    /// Writes one `Span.Link` object (an element of `links`).
    package mutating func writeLink(
        traceID: some OTLPBytesRepresentable,
        spanID: some OTLPBytesRepresentable,
        traceState: String = "",
        flags: UInt32,
        droppedAttributesCount: UInt32 = 0,
        attributes: (inout OTLPJSONWriter) -> Void
    ) {
        beginObject()
        key("traceId")
        hex(traceID)
        key("spanId")
        hex(spanID)
        if !traceState.isEmpty {
            key("traceState")
            string(traceState)
        }
        attributes(&self)
        if droppedAttributesCount != 0 {
            key("droppedAttributesCount")
            number(droppedAttributesCount)
        }
        if flags != 0 {
            key("flags")
            number(flags)
        }
        endObject()
    }
}

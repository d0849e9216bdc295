/// A decoded `ExportTraceServiceRequest` (or `TracesData`, which has the same shape): plain Swift
/// values copied out of libprotobuf-c's result, so no C memory outlives the decode.
///
/// Used by the local receiver and by the tests that check every byte the encoder writes.
/// Decode with ``init(protobuf:)``.
package struct OTLPDecodedRequest: Equatable, Sendable {
    package var resourceSpans: [ResourceSpans]

    package init(resourceSpans: [ResourceSpans]) {
        self.resourceSpans = resourceSpans
    }

    /// The number of spans over all resources and scopes.
    package var spanCount: Int {
        resourceSpans.reduce(0) { total, resource in
            resource.scopeSpans.reduce(total) { $0 + $1.spans.count }
        }
    }

    package struct ResourceSpans: Equatable, Sendable {
        /// `nil` when the field is absent.
        package var resource: Resource?
        package var scopeSpans: [ScopeSpans]
        package var schemaURL: String

        package init(
            resource: Resource?,
            scopeSpans: [ScopeSpans],
            schemaURL: String
        ) {
            self.resource = resource
            self.scopeSpans = scopeSpans
            self.schemaURL = schemaURL
        }
    }

    package struct Resource: Equatable, Sendable {
        package var attributes: [OTLPKeyValue]
        package var droppedAttributesCount: UInt32
        package var entityRefs: [EntityRef]

        package init(
            attributes: [OTLPKeyValue],
            droppedAttributesCount: UInt32,
            entityRefs: [EntityRef]
        ) {
            self.attributes = attributes
            self.droppedAttributesCount = droppedAttributesCount
            self.entityRefs = entityRefs
        }
    }

    /// `opentelemetry.proto.common.v1.EntityRef` (Development).
    package struct EntityRef: Equatable, Sendable {
        package var schemaURL: String
        package var type: String
        package var idKeys: [String]
        package var descriptionKeys: [String]

        package init(
            schemaURL: String,
            type: String,
            idKeys: [String],
            descriptionKeys: [String]
        ) {
            self.schemaURL = schemaURL
            self.type = type
            self.idKeys = idKeys
            self.descriptionKeys = descriptionKeys
        }
    }

    package struct ScopeSpans: Equatable, Sendable {
        /// `nil` when the field is absent.
        package var scope: InstrumentationScope?
        package var spans: [Span]
        package var schemaURL: String

        package init(
            scope: InstrumentationScope?,
            spans: [Span],
            schemaURL: String
        ) {
            self.scope = scope
            self.spans = spans
            self.schemaURL = schemaURL
        }
    }

    package struct InstrumentationScope: Equatable, Sendable {
        package var name: String
        package var version: String
        package var attributes: [OTLPKeyValue]
        package var droppedAttributesCount: UInt32

        package init(
            name: String,
            version: String,
            attributes: [OTLPKeyValue],
            droppedAttributesCount: UInt32
        ) {
            self.name = name
            self.version = version
            self.attributes = attributes
            self.droppedAttributesCount = droppedAttributesCount
        }
    }

    package struct Span: Equatable, Sendable {
        /// As received: 16 bytes when valid, but a receiver must see what was sent.
        package var traceID: [UInt8]
        package var spanID: [UInt8]
        package var traceState: String
        /// Empty for a root span.
        package var parentSpanID: [UInt8]
        package var flags: UInt32
        package var name: String
        package var kind: OTLPSpanKind
        package var startTimeUnixNano: UInt64
        package var endTimeUnixNano: UInt64
        package var attributes: [OTLPKeyValue]
        package var droppedAttributesCount: UInt32
        package var events: [Event]
        package var droppedEventsCount: UInt32
        package var links: [Link]
        package var droppedLinksCount: UInt32
        /// `nil` when absent, which means `STATUS_CODE_UNSET`.
        package var status: Status?

        package init(
            traceID: [UInt8],
            spanID: [UInt8],
            traceState: String,
            parentSpanID: [UInt8],
            flags: UInt32,
            name: String,
            kind: OTLPSpanKind,
            startTimeUnixNano: UInt64,
            endTimeUnixNano: UInt64,
            attributes: [OTLPKeyValue],
            droppedAttributesCount: UInt32,
            events: [Event],
            droppedEventsCount: UInt32,
            links: [Link],
            droppedLinksCount: UInt32,
            status: Status?
        ) {
            self.traceID = traceID
            self.spanID = spanID
            self.traceState = traceState
            self.parentSpanID = parentSpanID
            self.flags = flags
            self.name = name
            self.kind = kind
            self.startTimeUnixNano = startTimeUnixNano
            self.endTimeUnixNano = endTimeUnixNano
            self.attributes = attributes
            self.droppedAttributesCount = droppedAttributesCount
            self.events = events
            self.droppedEventsCount = droppedEventsCount
            self.links = links
            self.droppedLinksCount = droppedLinksCount
            self.status = status
        }
    }

    package struct Event: Equatable, Sendable {
        package var timeUnixNano: UInt64
        package var name: String
        package var attributes: [OTLPKeyValue]
        package var droppedAttributesCount: UInt32

        package init(
            timeUnixNano: UInt64,
            name: String,
            attributes: [OTLPKeyValue],
            droppedAttributesCount: UInt32
        ) {
            self.timeUnixNano = timeUnixNano
            self.name = name
            self.attributes = attributes
            self.droppedAttributesCount = droppedAttributesCount
        }
    }

    package struct Link: Equatable, Sendable {
        package var traceID: [UInt8]
        package var spanID: [UInt8]
        package var traceState: String
        package var attributes: [OTLPKeyValue]
        package var droppedAttributesCount: UInt32
        package var flags: UInt32

        package init(
            traceID: [UInt8],
            spanID: [UInt8],
            traceState: String,
            attributes: [OTLPKeyValue],
            droppedAttributesCount: UInt32,
            flags: UInt32
        ) {
            self.traceID = traceID
            self.spanID = spanID
            self.traceState = traceState
            self.attributes = attributes
            self.droppedAttributesCount = droppedAttributesCount
            self.flags = flags
        }
    }

    package struct Status: Equatable, Sendable {
        package var message: String
        package var code: OTLPStatusCode

        package init(
            message: String,
            code: OTLPStatusCode
        ) {
            self.message = message
            self.code = code
        }
    }
}

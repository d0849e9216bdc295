/// An immutable snapshot of an ended span, handed to span processors and exporters.
///
/// Each dropped count says how many items a limit discarded; per-event and per-link attribute drops are the
/// `droppedCount` of each event's and link's ``OTelSpanEvent/attributes`` and ``OTelSpanLink/attributes``.
///
/// [OpenTelemetry Specification: Span processor / ReadableSpan](https://opentelemetry.io/docs/specs/otel/trace/sdk/#additional-span-interfaces)
public struct OTelFinishedSpan: Sendable {
    /// The span's context (trace id, span id, flags, trace state).
    public var context: OTelSpanContext
    /// The parent's span id, or `nil` for a root span.
    public var parentSpanID: SpanID?
    /// Whether the parent came from another process.
    public var parentIsRemote: Bool
    /// The span name when it ended.
    public var name: String
    /// The span kind when it ended.
    public var kind: OTelSpanKind
    /// Start time, nanoseconds since the Unix epoch.
    public var startTime: UInt64
    /// End time, nanoseconds since the Unix epoch.
    public var endTime: UInt64
    /// The span attributes (their `droppedCount` is ``droppedAttributeCount``).
    public var attributes: OTelAttributes
    /// The events, oldest first.
    ///
    /// Reading builds an array when the span recorded a single event (stored inline); encoders walk
    /// ``eventList`` instead.
    public var events: [OTelSpanEvent] {
        get { eventList.array }
        set { eventList = OTelSpanEventList(newValue) }
    }
    /// The events, oldest first, as stored: walking them allocates nothing.
    package var eventList: OTelSpanEventList
    /// The links, start links first.
    public var links: [OTelSpanLink]
    /// The final status.
    public var status: OTelSpanStatus
    /// The scope of the tracer that started the span.
    public var instrumentationScope: OTelInstrumentationScope {
        get { origin.instrumentationScope }
        set { origin = OTelSpanOrigin(instrumentationScope: newValue, resource: origin.resource) }
    }
    /// The resource of the provider that started the span.
    public var resource: OTelResource {
        get { origin.resource }
        set { origin = OTelSpanOrigin(instrumentationScope: origin.instrumentationScope, resource: newValue) }
    }
    /// The scope and resource, shared by all spans of one tracer: spans with the same origin object (`===`) have the
    /// same scope and resource.
    package var origin: OTelSpanOrigin
    /// Events dropped by the event count limit.
    public var droppedEventCount: Int
    /// Links dropped by the link count limit.
    public var droppedLinkCount: Int

    /// Creates a snapshot (for tests and custom pipelines; tracers create them when spans end).
    public init(
        context: OTelSpanContext,
        parentSpanID: SpanID? = nil,
        parentIsRemote: Bool = false,
        name: String,
        kind: OTelSpanKind = .internal,
        startTime: UInt64,
        endTime: UInt64,
        attributes: OTelAttributes = OTelAttributes(),
        events: [OTelSpanEvent] = [],
        links: [OTelSpanLink] = [],
        status: OTelSpanStatus = .unset,
        instrumentationScope: OTelInstrumentationScope,
        resource: OTelResource = OTelResource(),
        droppedEventCount: Int = 0,
        droppedLinkCount: Int = 0
    ) {
        self.context = context
        self.parentSpanID = parentSpanID
        self.parentIsRemote = parentIsRemote
        self.name = name
        self.kind = kind
        self.startTime = startTime
        self.endTime = endTime
        self.attributes = attributes
        eventList = OTelSpanEventList(events)
        self.links = links
        self.status = status
        origin = OTelSpanOrigin(instrumentationScope: instrumentationScope, resource: resource)
        self.droppedEventCount = droppedEventCount
        self.droppedLinkCount = droppedLinkCount
    }

    /// Span attributes dropped by the attribute count limit.
    public var droppedAttributeCount: Int { attributes.droppedCount }

    /// The snapshot of a span ending now. Events and links move out of `record`, which the ended span keeps only
    /// for its name, kind, attributes, status and times (``OTelSpan`` still answers for those).
    init(
        context: OTelSpanContext,
        origin: OTelSpanOrigin,
        ending record: inout SpanRecord,
        endTime: UInt64
    ) {
        self.context = context
        parentSpanID = record.parentSpanID
        parentIsRemote = record.parentIsRemote
        name = record.name
        kind = record.kind
        startTime = record.startTime
        self.endTime = endTime
        attributes = record.attributes
        eventList = OTelSpanEventList()
        swap(&eventList, &record.events)
        links = []
        swap(&links, &record.links)
        status = record.status
        self.origin = origin
        droppedEventCount = record.droppedEventCount
        droppedLinkCount = record.droppedLinkCount
    }
}

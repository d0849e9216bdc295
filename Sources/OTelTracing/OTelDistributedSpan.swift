public import OTelModel
public import Tracing

/// A swift-distributed-tracing span over an OpenTelemetry span of OTelModel, started by
/// ``OTelDistributedTracer``.
///
/// Every call goes straight to ``otelSpan``, so OpenTracing code that reaches the same span (through the shim's
/// `activeSpan`) and this span see one state. The span is a small value; copies refer to the same OpenTelemetry
/// span.
///
/// - Attributes: setting ``attributes`` sets every attribute it holds; OpenTelemetry spans have no attribute
///   removal, so an attribute set to `nil` keeps its last value. Values map as
///   ``Tracing/SpanAttribute/otelAttributeValue`` says.
/// - ``recordError(_:attributes:at:)`` adds an `exception` event; the status is left alone, as the
///   OpenTelemetry specification requires (`withSpan` sets it to error when the operation throws).
/// - Times are the instants' `nanosecondsSinceEpoch`, exactly.
public struct OTelDistributedSpan: Tracing.Span {
    /// The OpenTelemetry span every call goes to.
    public let otelSpan: OTelSpan

    /// The instrumentation context with this span current (and the parent context's baggage and other values);
    /// `withSpan` binds it while the operation runs.
    public let context: InstrumentationContext

    /// Wraps `otelSpan`, with `context` as the context that makes it current.
    ///
    /// Prefer ``OTelDistributedTracer`` to start spans; this initializer lets code that holds an OpenTelemetry
    /// span hand it to swift-distributed-tracing APIs.
    public init(otelSpan: OTelSpan, context: InstrumentationContext) {
        self.otelSpan = otelSpan
        self.context = context
    }

    /// The span name; setting it renames the OpenTelemetry span.
    ///
    /// [OpenTelemetry Specification: UpdateName](https://opentelemetry.io/docs/specs/otel/trace/api/#updatename)
    public var operationName: String {
        get { otelSpan.name }
        nonmutating set { otelSpan.updateName(newValue) }
    }

    /// The span's attributes as swift-distributed-tracing attributes (empty for a non-recording span).
    public var attributes: SpanAttributes {
        get { otelSpan.attributes.spanAttributes }
        nonmutating set {
            // Setting every value again is cheaper than reading the span's attributes back to find the changed
            // ones: spans carry few attributes, and `span.attributes[key] = value` passes them all here.
            otelSpan.setAttributes(newValue.otelAttributes)
        }
    }

    /// Whether the OpenTelemetry span records (sampled in, and not ended).
    public var isRecording: Bool { otelSpan.isRecording }

    /// Sets the status: `ok` is final; `error` carries the message as its description.
    ///
    /// [OpenTelemetry Specification: Set Status](https://opentelemetry.io/docs/specs/otel/trace/api/#set-status)
    public func setStatus(_ status: SpanStatus) {
        otelSpan.setStatus(status.otelSpanStatus)
    }

    /// Adds an event at the event's time.
    ///
    /// [OpenTelemetry Specification: Add Events](https://opentelemetry.io/docs/specs/otel/trace/api/#add-events)
    public func addEvent(_ event: SpanEvent) {
        otelSpan.addEvent(event.name, attributes: event.attributes.otelAttributes, at: event.nanosecondsSinceEpoch)
    }

    /// Adds an `exception` event at `instant`: `exception.type` is the error's type (`String(reflecting:)`),
    /// `exception.message` its description, then `attributes` (which may override both).
    ///
    /// [OpenTelemetry Specification: Record Exception](https://opentelemetry.io/docs/specs/otel/trace/api/#record-exception),
    /// [Exceptions semantic conventions](https://opentelemetry.io/docs/specs/semconv/exceptions/exceptions-spans/)
    public func recordError<Instant: TracerInstant>(
        _ error: any Error,
        attributes: SpanAttributes,
        at instant: @autoclosure () -> Instant
    ) {
        var eventAttributes = OTelAttributes()
        eventAttributes.reserveCapacity(2 + attributes.count)
        eventAttributes.updateValue(.string(String(reflecting: type(of: error))), forKey: ExceptionAttribute.type)
        eventAttributes.updateValue(.string(String(describing: error)), forKey: ExceptionAttribute.message)
        if !attributes.isEmpty { eventAttributes.merge(attributes.otelAttributes) }
        otelSpan.addEvent(ExceptionAttribute.eventName, attributes: eventAttributes, at: instant().nanosecondsSinceEpoch)
    }

    /// Adds a link to the span current in the link's context (an imperatively activated span wins when the
    /// context is the caller's current one, as for parents); a link to no valid span is kept only when it has
    /// attributes.
    ///
    /// [OpenTelemetry Specification: Add Link](https://opentelemetry.io/docs/specs/otel/trace/api/#add-link)
    public func addLink(_ link: SpanLink) {
        let linked = OTelContext.resolved(from: link.context).span?.context ?? .invalid
        guard linked.isValid || !link.attributes.isEmpty else { return }
        otelSpan.addLink(OTelSpanLink(context: linked, attributes: link.attributes.otelAttributes))
    }

    /// Ends the span at `instant`; later calls are ignored.
    ///
    /// [OpenTelemetry Specification: End](https://opentelemetry.io/docs/specs/otel/trace/api/#end)
    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        otelSpan.end(at: instant().nanosecondsSinceEpoch)
    }
}

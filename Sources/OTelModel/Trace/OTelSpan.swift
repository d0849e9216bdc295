/// A unit of work in a trace: a name, a time range, attributes, events, links and a status.
///
/// A span is safe to use from any thread or task. Every mutation takes the span's lock for a few nanoseconds;
/// ``end(at:)`` takes effect once, and later mutations are ignored (and counted in
/// ``OTelTracerProvider/ignoredMutationCount``).
///
/// A span that is not recording (its sampler said ``OTelSamplingDecision/drop``, or the provider is shut down)
/// still has a valid context that propagators inject, so downstream services stay in the same trace; it records
/// nothing and is a single small object.
///
/// [OpenTelemetry Specification: Span](https://opentelemetry.io/docs/specs/otel/trace/api/#span)
public class OTelSpan: @unchecked Sendable {
    // Not `final`: a recording span is the internal subclass `RecordingSpan`, which keeps its state in the same
    // object, while a non-recording span stays this small base object. Nothing outside the module can subclass.

    /// The span's propagatable identity: trace id, span id, flags and trace state.
    public let context: OTelSpanContext

    /// The tracer that started the span; `nil` for a non-recording span.
    let tracer: OTelTracer?

    /// A non-recording span that carries `context`, for example a remote parent or a dropped span.
    ///
    /// [OpenTelemetry Specification: Wrapping a SpanContext in a Span](https://opentelemetry.io/docs/specs/otel/trace/api/#wrapping-a-spancontext-in-a-span)
    public init(nonRecording context: OTelSpanContext) {
        self.context = context
        tracer = nil
    }

    /// For ``RecordingSpan``, the only span with a tracer.
    init(context: OTelSpanContext, tracer: OTelTracer) {
        self.context = context
        self.tracer = tracer
    }

    /// This span as a ``RecordingSpan``, or `nil` for a non-recording span.
    @inline(__always)
    var recording: RecordingSpan? {
        // Only `RecordingSpan` passes a tracer, so the unchecked downcast is safe (and spares a dynamic cast).
        tracer == nil ? nil : unsafeDowncast(self, to: RecordingSpan.self)
    }

    /// Whether the span records: `false` for a non-recording span and after ``end(at:)``.
    ///
    /// [OpenTelemetry Specification: IsRecording](https://opentelemetry.io/docs/specs/otel/trace/api/#isrecording)
    public final var isRecording: Bool {
        recording?.isRecordingNow ?? false
    }

    // MARK: - Mutations

    /// Replaces the span name.
    ///
    /// [OpenTelemetry Specification: UpdateName](https://opentelemetry.io/docs/specs/otel/trace/api/#updatename)
    public final func updateName(_ name: String) {
        recording?.mutate { $0.name = name }
    }

    /// Changes the span kind; allowed until the span ends (the OpenTracing `span.kind` tag may arrive late).
    public final func setKind(_ kind: OTelSpanKind) {
        recording?.mutate { $0.kind = kind }
    }

    /// Sets one attribute; an existing key is overwritten, a new key beyond the count limit is dropped and counted.
    ///
    /// [OpenTelemetry Specification: Set Attributes](https://opentelemetry.io/docs/specs/otel/trace/api/#set-attributes)
    public final func setAttribute(_ key: String, _ value: OTelAttributeValue) {
        recording?.mutate { $0.attributes.updateValue(value, forKey: key) }
    }

    /// Sets several attributes, under the same rules as ``setAttribute(_:_:)``.
    public final func setAttributes(_ attributes: OTelAttributes) {
        guard !attributes.isEmpty else { return }
        recording?.mutate { $0.attributes.merge(attributes) }
    }

    /// Records an event; beyond the event count limit the event is dropped and counted.
    ///
    /// - Parameters:
    ///   - name: The event name.
    ///   - attributes: The event attributes, kept up to the per-event limit.
    ///   - time: Nanoseconds since the Unix epoch; `nil` reads the provider's clock.
    ///
    /// [OpenTelemetry Specification: Add Events](https://opentelemetry.io/docs/specs/otel/trace/api/#add-events)
    public final func addEvent(_ name: String, attributes: OTelAttributes = OTelAttributes(), at time: UInt64? = nil) {
        guard let recording else { return }
        let core = recording.core
        let limits = core.spanLimits
        recording.append(
            OTelSpanEvent(
                name: name,
                time: time ?? core.now(),
                attributes: attributes.frozen(under: limits.eventAttributes)
            ),
            limit: limits.eventCountLimit
        )
    }

    /// Records an event with a single attribute: the same event as ``addEvent(_:attributes:at:)`` with a
    /// one-attribute collection, but the attribute is held without the array a collection allocates (an OpenTracing
    /// log with one field).
    package final func addEvent(_ name: String, attribute key: String, _ value: OTelAttributeValue, at time: UInt64?) {
        guard let recording else { return }
        let core = recording.core
        let limits = core.spanLimits
        recording.append(
            OTelSpanEvent.withAttribute(
                name: name,
                time: time ?? core.now(),
                key: key,
                value: value,
                limits: limits.eventAttributes
            ),
            limit: limits.eventCountLimit
        )
    }

    /// Adds a link after the span started; beyond the link count limit the link is dropped and counted.
    ///
    /// [OpenTelemetry Specification: Add Link](https://opentelemetry.io/docs/specs/otel/trace/api/#add-link)
    public final func addLink(_ link: OTelSpanLink) {
        guard let recording else { return }
        let limits = recording.core.spanLimits
        var link = link
        link.attributes = link.attributes.frozen(under: limits.linkAttributes)
        recording.mutate { state in
            if state.links.count < limits.linkCountLimit {
                state.links.append(link)
            } else {
                state.droppedLinkCount += 1
            }
        }
    }

    /// Sets the status: ``OTelSpanStatus/unset`` is ignored, ``OTelSpanStatus/ok`` is final, and a later
    /// ``OTelSpanStatus/error(description:)`` replaces an earlier one.
    ///
    /// [OpenTelemetry Specification: Set Status](https://opentelemetry.io/docs/specs/otel/trace/api/#set-status)
    public final func setStatus(_ status: OTelSpanStatus) {
        if case .unset = status { return }
        recording?.mutate { state in
            if case .ok = state.status { return }
            state.status = status
        }
    }

    /// Ends the span, once: later calls, like any mutation after the end, are ignored and counted.
    ///
    /// The span's processors receive its ``OTelFinishedSpan`` on the calling thread, after the span's lock is
    /// released.
    ///
    /// - Parameter time: Nanoseconds since the Unix epoch; `nil` reads the provider's clock.
    ///
    /// [OpenTelemetry Specification: End](https://opentelemetry.io/docs/specs/otel/trace/api/#end)
    public final func end(at time: UInt64? = nil) {
        guard let recording else { return }
        recording.finish(at: time ?? recording.core.now())
    }
}

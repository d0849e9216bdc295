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
public final class OTelSpan: Sendable {
    /// The span's propagatable identity: trace id, span id, flags and trace state.
    public let context: OTelSpanContext

    /// `nil` for a non-recording span.
    let record: InlineLockedValue<SpanRecord>?
    /// The tracer that started the span; `nil` for a non-recording span.
    let tracer: OTelTracer?

    /// A non-recording span that carries `context`, for example a remote parent or a dropped span.
    ///
    /// [OpenTelemetry Specification: Wrapping a SpanContext in a Span](https://opentelemetry.io/docs/specs/otel/trace/api/#wrapping-a-spancontext-in-a-span)
    public init(nonRecording context: OTelSpanContext) {
        self.context = context
        record = nil
        tracer = nil
    }

    init(context: OTelSpanContext, tracer: OTelTracer, record: SpanRecord) {
        self.context = context
        self.tracer = tracer
        self.record = InlineLockedValue.make(record)
    }

    /// Whether the span records: `false` for a non-recording span and after ``end(at:)``.
    ///
    /// [OpenTelemetry Specification: IsRecording](https://opentelemetry.io/docs/specs/otel/trace/api/#isrecording)
    public var isRecording: Bool {
        record?.withLock { !$0.isEnded } ?? false
    }

    // MARK: - Mutations

    /// Replaces the span name.
    ///
    /// [OpenTelemetry Specification: UpdateName](https://opentelemetry.io/docs/specs/otel/trace/api/#updatename)
    public func updateName(_ name: String) {
        mutate { $0.name = name }
    }

    /// Changes the span kind; allowed until the span ends (the OpenTracing `span.kind` tag may arrive late).
    public func setKind(_ kind: OTelSpanKind) {
        mutate { $0.kind = kind }
    }

    /// Sets one attribute; an existing key is overwritten, a new key beyond the count limit is dropped and counted.
    ///
    /// [OpenTelemetry Specification: Set Attributes](https://opentelemetry.io/docs/specs/otel/trace/api/#set-attributes)
    public func setAttribute(_ key: String, _ value: OTelAttributeValue) {
        mutate { $0.attributes.updateValue(value, forKey: key) }
    }

    /// Sets several attributes, under the same rules as ``setAttribute(_:_:)``.
    public func setAttributes(_ attributes: OTelAttributes) {
        guard !attributes.isEmpty else { return }
        mutate { $0.attributes.merge(attributes) }
    }

    /// Records an event; beyond the event count limit the event is dropped and counted.
    ///
    /// - Parameters:
    ///   - name: The event name.
    ///   - attributes: The event attributes, kept up to the per-event limit.
    ///   - time: Nanoseconds since the Unix epoch; `nil` reads the provider's clock.
    ///
    /// [OpenTelemetry Specification: Add Events](https://opentelemetry.io/docs/specs/otel/trace/api/#add-events)
    public func addEvent(_ name: String, attributes: OTelAttributes = OTelAttributes(), at time: UInt64? = nil) {
        guard let tracer else { return }
        let core = tracer.core
        let limits = core.spanLimits
        let event = OTelSpanEvent(
            name: name,
            time: time ?? core.clock.nanosecondsSinceEpoch(),
            attributes: attributes.frozen(under: limits.eventAttributes)
        )
        mutate { state in
            if state.events.count < limits.eventCountLimit {
                state.events.append(event)
            } else {
                state.droppedEventCount += 1
            }
        }
    }

    /// Adds a link after the span started; beyond the link count limit the link is dropped and counted.
    ///
    /// [OpenTelemetry Specification: Add Link](https://opentelemetry.io/docs/specs/otel/trace/api/#add-link)
    public func addLink(_ link: OTelSpanLink) {
        guard let tracer else { return }
        let limits = tracer.core.spanLimits
        var link = link
        link.attributes = link.attributes.frozen(under: limits.linkAttributes)
        mutate { state in
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
    public func setStatus(_ status: OTelSpanStatus) {
        if case .unset = status { return }
        mutate { state in
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
    public func end(at time: UInt64? = nil) {
        guard let record, let tracer else { return }
        let core = tracer.core
        let endTime = time ?? core.clock.nanosecondsSinceEpoch()
        // The test-and-set and the snapshot happen in one critical section; the snapshot is built straight from
        // the record, taking its events and links (no intermediate copy of the whole record).
        let finished: OTelFinishedSpan? = record.withLock { state in
            guard !state.isEnded else { return nil }
            state.endTime = endTime
            return OTelFinishedSpan(
                context: context,
                scope: tracer.instrumentationScope,
                resource: core.resource,
                ending: &state,
                endTime: endTime
            )
        }
        guard let finished else {
            core.ignoredMutations.record()
            return
        }
        core.processor.onEnd(finished)
    }

    /// Applies `change` while the span records; afterwards counts the attempt instead.
    @inline(__always)
    private func mutate(_ change: (inout SpanRecord) -> Void) {
        guard let record else { return }
        let applied = record.withLock { state in
            guard !state.isEnded else { return false }
            change(&state)
            return true
        }
        if !applied { tracer?.core.ignoredMutations.record() }
    }
}

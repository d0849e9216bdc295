import Synchronization

/// Starts spans for one instrumentation scope; obtained from ``OTelTracerProvider/tracer(name:version:schemaURL:attributes:)``.
///
/// After the provider shuts down, the tracer starts only non-recording spans.
///
/// [OpenTelemetry Specification: Tracer](https://opentelemetry.io/docs/specs/otel/trace/api/#tracer)
public final class OTelTracer: Sendable {
    /// The scope recorded on every span this tracer starts.
    public let instrumentationScope: OTelInstrumentationScope
    let core: TracerProviderCore
    /// The scope and resource every finished span of this tracer refers to.
    let origin: OTelSpanOrigin

    init(instrumentationScope: OTelInstrumentationScope, core: TracerProviderCore) {
        self.instrumentationScope = instrumentationScope
        self.core = core
        origin = OTelSpanOrigin(instrumentationScope: instrumentationScope, resource: core.resource)
    }

    /// Starts a span under an explicit parent.
    ///
    /// The sampler decides before the span exists and sees `name`, `kind`, `attributes` and `links`. Every span,
    /// recording or not, gets a new span id; a root span gets a new trace id. A dropped span is non-recording but
    /// carries a valid context.
    ///
    /// - Parameters:
    ///   - name: The span name.
    ///   - kind: The span kind (it can change until the span ends: ``OTelSpan/setKind(_:)``).
    ///   - parent: The parent span's context; `nil` or an invalid context starts a new trace.
    ///   - attributes: Start attributes, kept up to the span's attribute limits.
    ///   - links: Links, kept up to the span's link limits.
    ///   - startTime: Nanoseconds since the Unix epoch; `nil` reads the provider's clock.
    /// - Returns: The started span; end it with ``OTelSpan/end(at:)``.
    ///
    /// [OpenTelemetry Specification: Span Creation](https://opentelemetry.io/docs/specs/otel/trace/api/#span-creation),
    /// [Sampling](https://opentelemetry.io/docs/specs/otel/trace/sdk/#sampling)
    public func startSpan(
        _ name: String,
        kind: OTelSpanKind = .internal,
        parent: consuming OTelSpanContext?,
        attributes: OTelAttributes = OTelAttributes(),
        links: [OTelSpanLink] = [],
        startTime: UInt64? = nil
    ) -> OTelSpan {
        let (context, recordingSpan) = beginSpan(
            name, kind: kind, parent: parent, attributes: attributes, links: links, startTime: startTime)
        return recordingSpan ?? OTelSpan(nonRecording: context)
    }

    /// Starts a span as ``startSpan(_:kind:parent:attributes:links:startTime:)`` does, but makes the span object
    /// only when the span records: a bridge that keeps the context of a dropped span itself allocates nothing
    /// more for it.
    ///
    /// - Returns: The new span's `context` (valid even when the sampler dropped the span, so that it still
    ///   propagates) and the `recordingSpan`, `nil` when the sampler dropped the span or the provider is shut down.
    ///   A tuple, so that the caller takes its parts apart without copying the context.
    @inline(__always)
    package func beginSpan(
        _ name: String,
        kind: OTelSpanKind = .internal,
        parent: consuming OTelSpanContext?,
        attributes: OTelAttributes = OTelAttributes(),
        links: [OTelSpanLink] = [],
        startTime: UInt64? = nil
    ) -> (context: OTelSpanContext, recordingSpan: OTelSpan?) {
        // An invalid parent counts as none; cleared in place (the parameter is owned), as a copy of a context costs
        // more than the rest of a dropped span's start.
        if parent?.isValid == false { parent = nil }
        if core.isShutDown.load(ordering: .relaxed) {
            return (parent ?? .invalid, nil)
        }
        let traceID = parent?.traceID ?? core.nextTraceID()
        let spanID = core.nextSpanID()
        let decision: OTelSamplingDecision
        var samplerAttributes: OTelAttributes?
        var traceState: OTelTraceState?
        if let known = core.constantSampling?.decision(parent: parent) {
            // A built-in constant sampler: its decision is known, and it adds no attributes and no trace state.
            decision = known
        } else {
            let result = core.sampler.shouldSample(
                parentContext: parent,
                traceID: traceID,
                name: name,
                kind: kind,
                attributes: attributes,
                links: links
            )
            decision = result.decision
            samplerAttributes = result.attributes
            traceState = result.traceState
        }
        var flags: OTelTraceFlags
        if let parentFlags = parent?.traceFlags {
            flags = parentFlags.intersection(.random)
        } else {
            flags = core.generatesRandomTraceIDs ? .random : []
        }
        if decision == .recordAndSample { flags.insert(.sampled) }
        let context = OTelSpanContext(
            traceID: traceID,
            spanID: spanID,
            traceFlags: flags,
            traceState: traceState ?? parent?.traceState ?? OTelTraceState()
        )
        guard decision != .drop else { return (context, nil) }
        let span = makeRecordingSpan(
            context: context,
            parent: parent,
            name: name,
            kind: kind,
            attributes: attributes,
            samplerAttributes: samplerAttributes,
            links: links,
            startTime: startTime
        )
        return (context, span)
    }

    /// The recording span of a sampled start. Inlined: out of line (`@inline(never)`) it saved instructions on
    /// both paths (callgrind otel-always-off -50, shim-sampled -136) but the unsampled start ran 3-20 ns slower.
    @inline(__always)
    private func makeRecordingSpan(
        context: OTelSpanContext,
        parent: OTelSpanContext?,
        name: String,
        kind: OTelSpanKind,
        attributes: OTelAttributes,
        samplerAttributes: OTelAttributes?,
        links: [OTelSpanLink],
        startTime: UInt64?
    ) -> RecordingSpan {
        let limits = core.spanLimits
        var spanAttributes = attributes.enforcing(limits.attributes)
        if let samplerAttributes, !samplerAttributes.isEmpty { spanAttributes.merge(samplerAttributes) }
        var keptLinks = links
        var droppedLinkCount = 0
        if keptLinks.count > limits.linkCountLimit {
            droppedLinkCount = keptLinks.count - limits.linkCountLimit
            keptLinks.removeLast(droppedLinkCount)
        }
        let linkLimits = limits.linkAttributes
        for position in keptLinks.indices
        where keptLinks[position].attributes.count > linkLimits.countLimit || linkLimits.valueLengthLimit != nil {
            keptLinks[position].attributes = keptLinks[position].attributes.frozen(under: linkLimits)
        }
        let record = SpanRecord(
            parentSpanID: parent?.spanID,
            parentIsRemote: parent?.isRemote ?? false,
            startTime: startTime ?? core.now(),
            name: name,
            kind: kind,
            attributes: spanAttributes,
            events: OTelSpanEventList(),
            links: keptLinks,
            droppedEventCount: 0,
            droppedLinkCount: droppedLinkCount,
            status: .unset,
            endTime: nil
        )
        let span = RecordingSpan(context: context, tracer: self, record: record)
        core.spanStarted(span, parent: parent)
        return span
    }
}

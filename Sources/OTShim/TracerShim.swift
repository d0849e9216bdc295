import Logging
import OTelModel
import OpenTracing
import Synchronization

/// The OpenTracing tracer over an OpenTelemetry tracer provider (OT-5 … OT-17, OT-29).
final class TracerShim: OpenTracingShimTracer {
    let provider: OTelTracerProvider
    let otelTracer: OTelTracer
    let textMapPropagator: any OTelTextMapPropagator
    let httpHeadersPropagator: any OTelTextMapPropagator
    let mapsSpanKindTag: Bool
    let logger: Logger
    let diagnostics: ShimDiagnostics
    private let scopeManagerShim: ScopeManagerShim
    private let closed = Atomic<Bool>(false)

    /// The attribute every link gets (OT-10, semantic conventions "trace-compatibility").
    static let referenceTypeKey = "opentracing.ref_type"
    /// The attribute Jaeger clients record a `jaeger-debug-id` in.
    static let jaegerDebugIDKey = "jaeger-debug-id"
    private static let childOfLinkAttributes: OTelAttributes = [
        referenceTypeKey: .string(Reference.Kind.childOf.rawValue)
    ]
    private static let followsFromLinkAttributes: OTelAttributes = [
        referenceTypeKey: .string(Reference.Kind.followsFrom.rawValue)
    ]

    init(provider: OTelTracerProvider, configuration: OpenTracingShim.Configuration) {
        self.provider = provider
        otelTracer = provider.tracer(name: OpenTracingShim.instrumentationScopeName, version: OpenTracingShim.version)
        textMapPropagator = configuration.textMapPropagator
        httpHeadersPropagator = configuration.httpHeadersPropagator
        mapsSpanKindTag = configuration.mapsSpanKindTag
        logger = configuration.logger
        diagnostics = ShimDiagnostics(logger: configuration.logger)
        scopeManagerShim = ScopeManagerShim(diagnostics: diagnostics, misuseHandler: configuration.scopeMisuseHandler)
        scopeManagerShim.tracer = self
    }

    /// The scope manager over the OpenTelemetry context (OT-48).
    var scopeManager: any ScopeManager { scopeManagerShim }

    /// Starts an OpenTelemetry span (OT-9 … OT-17).
    ///
    /// - Parent: the first `childOf` reference, else the first reference (a `followsFrom` reference alone still
    ///   parents, unlike the Go bridge), else, unless `ignoreActiveSpan`, the current span.
    /// - Links: every reference, the parent's included, in order, with `opentracing.ref_type`; also references to
    ///   invalid (baggage-only) contexts, since the attribute makes them worth recording (OT-17).
    /// - Baggage: the union of the references' baggage, a later reference winning on a repeated key (OT-11); else
    ///   the current baggage, plus items set on the active span after it was activated; none with
    ///   `ignoreActiveSpan` and no references (OT-12).
    /// - Tags are start attributes, so the sampler sees them (OT-13); `error` sets the status right after creation
    ///   (OT-14); `span.kind` sets the kind at creation.
    func startSpan(
        _ operationName: String,
        references: [Reference],
        tags: [String: TagValue],
        startTime: Timestamp?,
        ignoreActiveSpan: Bool
    ) -> any OpenTracing.Span {
        if references.isEmpty, tags.isEmpty {
            return startSpan(operationName, underCurrent: !ignoreActiveSpan, startTime: startTime)
        }
        var parent: OTelSpanContext?
        var baggage = OTelBaggage()
        var isDebug = false
        var jaegerDebugID: String?
        var links: [OTelSpanLink] = []
        if !references.isEmpty {
            links.reserveCapacity(references.count)
            var firstContext: SpanContextShim?
            var parentContext: SpanContextShim?
            for reference in references {
                let (referenced, isForeign) = SpanContextShim.converting(reference.context)
                if isForeign { diagnostics.report(.foreignSpanContext, detail: "\(type(of: reference.context))") }
                let isChildOf = reference.kind == .childOf
                links.append(
                    OTelSpanLink(
                        context: referenced.spanContext,
                        attributes: isChildOf ? Self.childOfLinkAttributes : Self.followsFromLinkAttributes
                    )
                )
                if firstContext == nil {
                    firstContext = referenced
                    baggage = referenced.baggage
                } else {
                    for entry in referenced.baggage { baggage = baggage.setting(entry) }
                }
                if parentContext == nil, isChildOf { parentContext = referenced }
            }
            let chosen = parentContext ?? firstContext
            parent = chosen?.spanContext
            isDebug = chosen?.isDebug ?? false
            jaegerDebugID = chosen?.jaegerDebugID
        } else if !ignoreActiveSpan {
            let current = OTelContext.current
            parent = current.span?.context
            baggage = current.baggage
            isDebug = current.isDebug
            jaegerDebugID = current.jaegerDebugID
            // `current.baggage` includes items set on the active span after its activation: the scope is an
            // `OTelLiveBaggageAttachment`.
        }

        var attributes = OTelAttributes()
        var kind = OTelSpanKind.internal
        var status: OTelSpanStatus?
        if let jaegerDebugID, parent?.isValid != true {
            // A root of a debug trace requested by `jaeger-debug-id`, tagged as Jaeger clients tag it.
            attributes.updateValue(.string(jaegerDebugID), forKey: Self.jaegerDebugIDKey)
        }
        if !tags.isEmpty {
            attributes.reserveCapacity(tags.count)
            for (key, value) in tags {
                if TagMapping.isErrorTag(key), let errorStatus = TagMapping.status(ofErrorTag: value) {
                    status = errorStatus
                } else if TagMapping.isSpanKindTag(key), mapsSpanKindTag,
                    let tagKind = TagMapping.spanKind(ofSpanKindTag: value)
                {
                    kind = tagKind
                } else {
                    attributes.updateValue(TagMapping.attributeValue(value), forKey: key)
                }
            }
        }

        let (spanContext, recordingSpan) = otelTracer.beginSpan(
            operationName,
            kind: kind,
            parent: parent,
            attributes: attributes,
            links: links,
            startTime: startTime?.nanosecondsSinceEpoch
        )
        if let status { recordingSpan?.setStatus(status) }
        return SpanShim(
            tracer: self,
            spanContext: spanContext,
            recordingSpan: recordingSpan,
            baggage: baggage,
            isDebug: isDebug,
            jaegerDebugID: jaegerDebugID
        )
    }

    /// The common start, with no references and no tags: the parent is the current span (if `underCurrent`). The
    /// same rules as the general path, without its bookkeeping for references, links, tags, kind and status.
    private func startSpan(_ operationName: String, underCurrent: Bool, startTime: Timestamp?) -> SpanShim {
        let current = underCurrent ? OTelContext.current : .empty
        let parent = current.span?.context
        let jaegerDebugID = current.jaegerDebugID
        var attributes = OTelAttributes()
        if let jaegerDebugID, parent?.isValid != true {
            attributes.updateValue(.string(jaegerDebugID), forKey: Self.jaegerDebugIDKey)
        }
        let (spanContext, recordingSpan) = otelTracer.beginSpan(
            operationName,
            parent: parent,
            attributes: attributes,
            startTime: startTime?.nanosecondsSinceEpoch
        )
        return SpanShim(
            tracer: self,
            spanContext: spanContext,
            recordingSpan: recordingSpan,
            baggage: current.baggage,
            isDebug: current.isDebug,
            jaegerDebugID: jaegerDebugID
        )
    }

    func flush() async {
        do {
            try await provider.forceFlush()
        } catch {
            logger.warning("OpenTracing shim: flushing the tracer provider failed", metadata: ["error": "\(error)"])
        }
    }

    /// Shuts the provider down once (OT-29); its processors export what they hold first. No separate flush: it would
    /// drain the queue with the full retry schedule, where shutdown gives each batch one attempt.
    func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        await provider.shutdown()
    }

    /// Whether ``close()`` was called.
    var isClosed: Bool { closed.load(ordering: .relaxed) }
}

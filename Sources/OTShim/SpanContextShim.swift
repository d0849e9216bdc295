import OTelModel
import OpenTracing

/// An OpenTracing span context over an OpenTelemetry span context and baggage; immutable (OT-30, OT-45).
///
/// A span that gets a baggage item gets a new instance (OT-31), so a context handed out earlier never changes.
final class SpanContextShim: SpanContext {
    /// The OpenTelemetry span context; ``OTelModel/OTelSpanContext/invalid`` for a baggage-only context.
    let spanContext: OTelSpanContext
    /// The baggage (OT-46).
    let baggage: OTelBaggage
    /// Whether the trace was forced by a debug flag (B3 or Jaeger); propagated to children so that B3 and Jaeger
    /// inject it again.
    let isDebug: Bool
    /// The `jaeger-debug-id` of an extracted debug request without ids; a root span started under it gets the
    /// attribute `jaeger-debug-id`, as Jaeger clients tag it.
    let jaegerDebugID: String?

    init(
        spanContext: OTelSpanContext,
        baggage: OTelBaggage = OTelBaggage(),
        isDebug: Bool = false,
        jaegerDebugID: String? = nil
    ) {
        self.spanContext = spanContext
        self.baggage = baggage
        self.isDebug = isDebug
        self.jaegerDebugID = jaegerDebugID
    }

    /// The context extracted by a propagator.
    convenience init(extracted: OTelPropagationContext) {
        self.init(
            spanContext: extracted.spanContext,
            baggage: extracted.baggage,
            isDebug: extracted.isDebug,
            jaegerDebugID: extracted.jaegerDebugID
        )
    }

    /// The context that a span shim starts with.
    static let empty = SpanContextShim(spanContext: .invalid)

    /// 32 lowercase hex digits; all zeros for an invalid context (OT-47).
    var traceID: String { spanContext.traceID.hexString }

    /// 16 lowercase hex digits; all zeros for an invalid context (OT-47).
    var spanID: String { spanContext.spanID.hexString }

    /// Every baggage item, in insertion order (OT-46).
    func forEachBaggageItem(_ body: (_ key: String, _ value: String) throws -> Void) rethrows {
        for entry in baggage {
            try body(entry.name, entry.value)
        }
    }

    /// A copy with `key` set to `value` (a later value replaces an earlier one, as OTel baggage requires).
    func settingBaggageItem(_ key: String, _ value: String) -> SpanContextShim {
        SpanContextShim(
            spanContext: spanContext,
            baggage: baggage.setting(name: key, value: value),
            isDebug: isDebug,
            jaegerDebugID: jaegerDebugID
        )
    }

    /// What propagators inject for this context.
    var propagationContext: OTelPropagationContext {
        OTelPropagationContext(
            spanContext: spanContext, baggage: baggage, isDebug: isDebug, jaegerDebugID: jaegerDebugID)
    }

    /// Whether extract may return this context: valid, or sampled (a `jaeger-debug-id` without ids), or carrying
    /// baggage (OT-25).
    var isWorthReturningFromExtract: Bool {
        spanContext.isValid || spanContext.isSampled || isDebug || !baggage.isEmpty
    }
}

extension SpanContextShim {
    /// `context` as a shim context: itself if the shim made it, else a conversion of another tracer's context.
    ///
    /// A foreign context keeps its identifiers when they are OpenTelemetry-shaped hex strings (32 and 16 digits;
    /// 16-digit trace ids are left-padded, as B3 and Jaeger do) and its baggage; otherwise it is a baggage-only
    /// context; it counts as sampled (other tracers record what they propagate). `isForeign` tells callers to
    /// report the conversion.
    static func converting(_ context: any SpanContext) -> (shim: SpanContextShim, isForeign: Bool) {
        if let shim = context as? SpanContextShim {
            return (shim, false)
        }
        if context is NoopSpanContext {
            // The no-op tracer's "no context": nothing to convert and nothing to report.
            return (.empty, false)
        }
        let traceHex = context.traceID
        let paddedTrace =
            traceHex.utf8.count == 16 ? String(repeating: "0", count: 16) + traceHex : traceHex
        var spanContext = OTelSpanContext.invalid
        if let traceID = TraceID(hexString: paddedTrace), let spanID = SpanID(hexString: context.spanID),
            traceID.isValid, spanID.isValid
        {
            spanContext = OTelSpanContext(traceID: traceID, spanID: spanID, traceFlags: .sampled)
        }
        var baggage = OTelBaggage()
        context.forEachBaggageItem { key, value in
            baggage = baggage.setting(name: key, value: value)
        }
        return (SpanContextShim(spanContext: spanContext, baggage: baggage), true)
    }
}

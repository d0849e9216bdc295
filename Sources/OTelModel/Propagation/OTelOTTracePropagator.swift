/// Propagates span context and baggage in the OpenTracing basic-tracer headers (`ot-tracer-*`, `ot-baggage-*`).
///
/// Extraction accepts 16 or 32 hex digits for `ot-tracer-traceid` (16 are left-padded with zeros), 16 for
/// `ot-tracer-spanid`, and `true`/`false`/`1`/`0` for `ot-tracer-sampled` (absent = not sampled).
/// Injection writes the right-most 16 hex digits of the trace id, as OpenTelemetry does: receivers that keep
/// 64-bit ids understand it, but a 128-bit trace id loses its high half across such a hop. Sampled is written
/// as `true`/`false`; baggage as `ot-baggage-{name}` with the value verbatim (entries whose name or value is
/// not a valid header token/value are skipped). Baggage is limited to 64 entries and 8192 bytes.
///
/// [OpenTelemetry: OT Trace propagator](https://github.com/open-telemetry/opentelemetry-specification/blob/main/specification/context/api-propagators.md#propagators-distribution)
public struct OTelOTTracePropagator: OTelTextMapPropagator {
    static let traceIDHeader = "ot-tracer-traceid"
    static let spanIDHeader = "ot-tracer-spanid"
    static let sampledHeader = "ot-tracer-sampled"
    static let baggagePrefix = "ot-baggage-"

    /// Creates the propagator.
    public init() {}

    public var fields: [String] { [Self.traceIDHeader, Self.spanIDHeader, Self.sampledHeader] }

    public func inject(_ context: OTelPropagationContext, into carrier: inout some OTelTextMapWriter) {
        let spanContext = context.spanContext
        if spanContext.isValid {
            carrier.set(String(spanContext.traceID.hexString.suffix(16)), forField: Self.traceIDHeader)
            carrier.set(spanContext.spanID.hexString, forField: Self.spanIDHeader)
            carrier.set(spanContext.isSampled ? "true" : "false", forField: Self.sampledHeader)
        }
        var budget = BaggageBudget(maximumCount: 64, maximumBytes: 8192)
        for entry in context.baggage {
            let name = entry.name.lowercased()
            guard !name.isEmpty, name.utf8.allSatisfy(\.isHTTPTokenCharacter),
                entry.value.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }),
                budget.admit(name: name, value: entry.value)
            else { continue }
            carrier.set(entry.value, forField: Self.baggagePrefix + name)
        }
    }

    public func extract(from carrier: some OTelTextMapReader, into context: inout OTelPropagationContext) {
        if let spanContext = Self.parseSpanContext(carrier) {
            context.spanContext = spanContext
        }
        var baggage = context.baggage
        var budget = BaggageBudget(maximumCount: 64, maximumBytes: 8192)
        carrier.forEachField { fieldName, value in
            guard fieldName.hasLowercaseASCIIPrefix(Self.baggagePrefix) else { return }
            let name = String(fieldName.dropFirst(Self.baggagePrefix.count)).lowercased()
            guard !name.isEmpty, budget.admit(name: name, value: value) else { return }
            baggage = baggage.setting(name: name, value: value)
        }
        context.baggage = baggage
    }

    /// The span context from the `ot-tracer-*` headers, or `nil` if missing or malformed.
    static func parseSpanContext(_ carrier: some OTelTextMapReader) -> OTelSpanContext? {
        guard let traceIDText = carrier.firstValue(forField: traceIDHeader)?.trimmingSpaces(),
            let spanIDText = carrier.firstValue(forField: spanIDHeader)?.trimmingSpaces(),
            traceIDText.utf8.count == 16 || traceIDText.utf8.count == 32,
            let traceID = TraceID(hexDigits: traceIDText.utf8, lowercaseOnly: false, allowShorter: true),
            let spanID = SpanID(hexString: spanIDText),
            traceID.isValid, spanID.isValid
        else { return nil }
        var flags: OTelTraceFlags = []
        if let sampled = carrier.firstValue(forField: sampledHeader) {
            switch sampled.trimmingSpaces().lowercased() {
            case "true", "1": flags = .sampled
            case "false", "0": break
            default: return nil
            }
        }
        return OTelSpanContext(traceID: traceID, spanID: spanID, traceFlags: flags, isRemote: true)
    }
}

/// Propagates span context in Zipkin B3 headers: the single `b3` header or the `X-B3-*` headers.
///
/// Extraction tries the single header first (it takes precedence), then the multiple headers, taking the first
/// value of each. Trace ids may have 16 or 32 lowercase hex digits (16 are left-padded with zeros); span ids
/// have 16. Sampling state `1`/`0` (multi also `true`/`false`), debug (`d`, or `X-B3-Flags: 1`) implies
/// sampled and is kept in ``OTelPropagationContext/isDebug``. `b3: 0` (deny, no ids) carries no span context.
/// The parent span id is checked but never used or injected.
///
/// [B3 Propagation](https://github.com/openzipkin/b3-propagation),
/// [OpenTelemetry Specification: B3 requirements](https://opentelemetry.io/docs/specs/otel/context/api-propagators/#b3-requirements)
public struct OTelB3Propagator: OTelTextMapPropagator {
    /// Which headers ``inject(_:into:)`` writes.
    public enum InjectEncoding: Sendable, Hashable {
        /// One `b3: {trace}-{span}-{1|0|d}` header (the default).
        case singleHeader
        /// `X-B3-TraceId`, `X-B3-SpanId` and `X-B3-Sampled` (or `X-B3-Flags: 1` when debug).
        case multipleHeaders
    }

    static let single = "b3"
    static let traceIDHeader = "x-b3-traceid"
    static let spanIDHeader = "x-b3-spanid"
    static let parentSpanIDHeader = "x-b3-parentspanid"
    static let sampledHeader = "x-b3-sampled"
    static let flagsHeader = "x-b3-flags"

    /// The headers written on injection.
    public let injectEncoding: InjectEncoding

    /// Creates the propagator.
    ///
    /// - Parameter injectEncoding: the single header (default) or the multiple headers; extraction reads both.
    public init(injectEncoding: InjectEncoding = .singleHeader) {
        self.injectEncoding = injectEncoding
    }

    public var fields: [String] {
        switch injectEncoding {
        case .singleHeader: [Self.single]
        case .multipleHeaders: [Self.traceIDHeader, Self.spanIDHeader, Self.sampledHeader, Self.flagsHeader]
        }
    }

    public func inject(_ context: OTelPropagationContext, into carrier: inout some OTelTextMapWriter) {
        let spanContext = context.spanContext
        guard spanContext.isValid else { return }
        let traceID = spanContext.traceID.hexString
        let spanID = spanContext.spanID.hexString
        switch injectEncoding {
        case .singleHeader:
            let sampling = context.isDebug ? "d" : spanContext.isSampled ? "1" : "0"
            carrier.set(traceID + "-" + spanID + "-" + sampling, forField: Self.single)
        case .multipleHeaders:
            carrier.set(traceID, forField: Self.traceIDHeader)
            carrier.set(spanID, forField: Self.spanIDHeader)
            if context.isDebug {
                carrier.set("1", forField: Self.flagsHeader)
            } else {
                carrier.set(spanContext.isSampled ? "1" : "0", forField: Self.sampledHeader)
            }
        }
    }

    public func extract(from carrier: some OTelTextMapReader, into context: inout OTelPropagationContext) {
        if let header = carrier.firstValue(forField: Self.single) {
            switch Self.parseSingle(header) {
            case .context(let spanContext, let isDebug):
                context.spanContext = spanContext
                context.isDebug = isDebug
                return
            case .denyWithoutIDs:
                return
            case .malformed:
                break
            }
        }
        if let (spanContext, isDebug) = Self.parseMultiple(carrier) {
            context.spanContext = spanContext
            context.isDebug = isDebug
        }
    }

    enum SingleHeaderResult: Equatable {
        case context(OTelSpanContext, isDebug: Bool)
        case denyWithoutIDs
        case malformed
    }

    /// Parses `{TraceId}-{SpanId}[-{SamplingState}[-{ParentSpanId}]]` or a lone sampling state.
    static func parseSingle(_ header: String) -> SingleHeaderResult {
        let value = Substring(header).utf8.trimmingOptionalWhitespace()
        let parts = value.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        if parts.count == 1 {
            // A lone sampling state has no ids to continue; "0" is the documented deny-only form.
            return ["0", "1", "d"].contains(String(decoding: value, as: UTF8.self)) ? .denyWithoutIDs : .malformed
        }
        guard parts.count <= 4, let (traceID, spanID) = parseIDs(traceID: parts[0], spanID: parts[1]) else {
            return .malformed
        }
        var flags: OTelTraceFlags = []
        var isDebug = false
        if parts.count >= 3 {
            switch String(decoding: parts[2], as: UTF8.self) {
            case "1": flags = .sampled
            case "0": break
            case "d":
                flags = .sampled
                isDebug = true
            default: return .malformed
            }
        }
        if parts.count == 4 {
            guard SpanID(hexDigits: parts[3], lowercaseOnly: true, allowShorter: false)?.isValid == true else {
                return .malformed
            }
        }
        return .context(
            OTelSpanContext(traceID: traceID, spanID: spanID, traceFlags: flags, isRemote: true),
            isDebug: isDebug
        )
    }

    /// Parses the `X-B3-*` headers.
    static func parseMultiple(_ carrier: some OTelTextMapReader) -> (OTelSpanContext, isDebug: Bool)? {
        guard let traceIDText = carrier.firstValue(forField: traceIDHeader),
            let spanIDText = carrier.firstValue(forField: spanIDHeader),
            let (traceID, spanID) = parseIDs(
                traceID: Substring(traceIDText).utf8.trimmingOptionalWhitespace(),
                spanID: Substring(spanIDText).utf8.trimmingOptionalWhitespace()
            )
        else { return nil }
        var flags: OTelTraceFlags = []
        if let sampled = carrier.firstValue(forField: sampledHeader) {
            switch sampled.trimmingSpaces().lowercased() {
            case "1", "true": flags = .sampled
            case "0", "false": break
            default: return nil
            }
        }
        var isDebug = false
        if let debug = carrier.firstValue(forField: flagsHeader) {
            switch debug.trimmingSpaces() {
            case "1":
                isDebug = true
                flags = .sampled
            case "0": break
            default: return nil
            }
        }
        return (OTelSpanContext(traceID: traceID, spanID: spanID, traceFlags: flags, isRemote: true), isDebug)
    }

    /// A valid trace id of 16 or 32 and a valid span id of 16 lowercase hex digits.
    private static func parseIDs(traceID: Substring.UTF8View, spanID: Substring.UTF8View) -> (TraceID, SpanID)? {
        guard traceID.count == 16 || traceID.count == 32,
            let trace = TraceID(hexDigits: traceID, lowercaseOnly: true, allowShorter: true),
            let span = SpanID(hexDigits: spanID, lowercaseOnly: true, allowShorter: false),
            trace.isValid, span.isValid
        else { return nil }
        return (trace, span)
    }
}

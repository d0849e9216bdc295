/// Propagates span context and baggage in Jaeger's `uber-trace-id` and `uberctx-*` headers.
///
/// `uber-trace-id` is `{trace-id}:{span-id}:{parent-span-id}:{flags}` in hex of variable length (shorter ids are
/// left-padded with zeros); a value without `:` is URL-decoded first (`%3A`). Flag `0x01` is sampled, `0x02`
/// debug (implies sampled). Baggage travels as `uberctx-{name}` headers with URL-encoded values (names arrive
/// lowercased, as HTTP is case-insensitive) and as `jaeger-baggage: k1=v1, k2=v2`. A `jaeger-debug-id` header
/// without a valid `uber-trace-id` (and no valid span context extracted before) yields an invalid but sampled,
/// debug span context, which asks the tracer to start a new, sampled trace; its value is kept in
/// ``OTelPropagationContext/jaegerDebugID`` (the new root span is tagged with it).
///
/// Injection writes `{trace-id}:{span-id}:0:{flags}` (zero-padded ids; the parent is deprecated) and
/// `uberctx-{name}` headers.
///
/// [Jaeger: Propagation Format](https://www.jaegertracing.io/docs/1.76/architecture/client-libraries/#propagation-format)
public struct OTelJaegerPropagator: OTelTextMapPropagator {
    static let traceHeader = "uber-trace-id"
    static let baggagePrefix = "uberctx-"
    static let baggageHeader = "jaeger-baggage"
    static let debugIDHeader = "jaeger-debug-id"
    /// Baggage beyond this many entries or bytes (names plus values) is dropped, whole entries only.
    static let maximumBaggageCount = 64
    static let maximumBaggageBytes = 8192

    /// Creates the propagator.
    public init() {}

    public var fields: [String] { [Self.traceHeader] }

    public func inject(_ context: OTelPropagationContext, into carrier: inout some OTelTextMapWriter) {
        let spanContext = context.spanContext
        if spanContext.isValid {
            let flags = (spanContext.isSampled ? 0x01 : 0) | (context.isDebug ? 0x02 : 0)
            let value =
                spanContext.traceID.hexString + ":" + spanContext.spanID.hexString + ":0:" + String(flags, radix: 16)
            carrier.set(value, forField: Self.traceHeader)
        }
        var budget = BaggageBudget(maximumCount: Self.maximumBaggageCount, maximumBytes: Self.maximumBaggageBytes)
        for entry in context.baggage {
            let name = entry.name.lowercased()
            guard !name.isEmpty, name.utf8.allSatisfy(\.isHTTPTokenCharacter) else { continue }
            let value = PercentEncoding.encode(entry.value, allowing: PercentEncoding.isUnreserved)
            guard budget.admit(name: name, value: value) else { continue }
            carrier.set(value, forField: Self.baggagePrefix + name)
        }
    }

    public func extract(from carrier: some OTelTextMapReader, into context: inout OTelPropagationContext) {
        if let header = carrier.firstValue(forField: Self.traceHeader),
            let (spanContext, isDebug) = Self.parseTraceHeader(header)
        {
            context.spanContext = spanContext
            context.isDebug = isDebug
        } else if !context.spanContext.isValid, let debugID = carrier.firstValue(forField: Self.debugIDHeader),
            !debugID.isEmpty
        {
            context.spanContext = OTelSpanContext(
                traceID: .invalid,
                spanID: .invalid,
                traceFlags: .sampled,
                isRemote: true
            )
            context.isDebug = true
            context.jaegerDebugID = debugID
        }
        context.baggage = Self.extractBaggage(from: carrier, into: context.baggage)
    }

    /// Parses `uber-trace-id` into a remote span context and the debug flag, or `nil` if it is not valid.
    static func parseTraceHeader(_ header: String) -> (OTelSpanContext, isDebug: Bool)? {
        var text = header.trimmingSpaces()
        if !text.utf8.contains(UInt8(ascii: ":")) {
            guard let decoded = PercentEncoding.decode(text.utf8) else { return nil }
            text = decoded
        }
        let parts = Substring(text).utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 4,
            let traceID = TraceID(hexDigits: parts[0], lowercaseOnly: false, allowShorter: true),
            let spanID = SpanID(hexDigits: parts[1], lowercaseOnly: false, allowShorter: true),
            SpanID(hexDigits: parts[2], lowercaseOnly: false, allowShorter: true) != nil,
            (1...2).contains(parts[3].count),
            traceID.isValid, spanID.isValid
        else { return nil }
        var flags: UInt8 = 0
        for digit in parts[3] {
            guard let nibble = Hex.value(of: digit, lowercaseOnly: false) else { return nil }
            flags = flags << 4 | nibble
        }
        let isDebug = flags & 0x02 != 0
        let sampled = flags & 0x01 != 0 || isDebug
        let spanContext = OTelSpanContext(
            traceID: traceID,
            spanID: spanID,
            traceFlags: sampled ? .sampled : [],
            isRemote: true
        )
        return (spanContext, isDebug)
    }

    /// Adds the `uberctx-*` and `jaeger-baggage` entries of `carrier` to `baggage`.
    static func extractBaggage(from carrier: some OTelTextMapReader, into baggage: OTelBaggage) -> OTelBaggage {
        var result = baggage
        var budget = BaggageBudget(maximumCount: maximumBaggageCount, maximumBytes: maximumBaggageBytes)
        carrier.forEachField { fieldName, value in
            guard fieldName.hasLowercaseASCIIPrefix(baggagePrefix) else { return }
            let name = String(fieldName.dropFirst(baggagePrefix.count)).lowercased()
            guard !name.isEmpty, let decoded = PercentEncoding.decode(value.utf8, plusAsSpace: true),
                budget.admit(name: name, value: decoded)
            else { return }
            result = result.setting(name: name, value: decoded)
        }
        if let header = carrier.combinedValue(forField: baggageHeader) {
            for pair in header.split(separator: ",") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = pair[..<equals].trimmingSpaces()
                let value = pair[pair.index(after: equals)...].trimmingSpaces()
                guard !name.isEmpty, budget.admit(name: name, value: value) else { continue }
                result = result.setting(name: name, value: value)
            }
        }
        return result
    }
}

/// Counts baggage entries and bytes against limits, admitting whole entries only.
struct BaggageBudget {
    let maximumCount: Int
    let maximumBytes: Int
    private(set) var count = 0
    private(set) var bytes = 0

    init(maximumCount: Int, maximumBytes: Int) {
        self.maximumCount = maximumCount
        self.maximumBytes = maximumBytes
    }

    /// Whether the entry fits; if so, it is counted.
    mutating func admit(name: String, value: String) -> Bool {
        let size = name.utf8.count + value.utf8.count
        guard count < maximumCount, bytes + size <= maximumBytes else { return false }
        count += 1
        bytes += size
        return true
    }
}

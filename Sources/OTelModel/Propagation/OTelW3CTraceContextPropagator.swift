/// Propagates span context in W3C `traceparent` and `tracestate` headers.
///
/// Extraction follows Trace Context Level 2: version `00` must be exactly 55 characters, higher versions are
/// read forward-compatibly (the first four fields at fixed offsets; longer values need a `-` after the flags),
/// version `ff`, uppercase hex and all-zero ids are rejected, and `tracestate` is read only with a valid
/// `traceparent` (a malformed `tracestate` is dropped, keeping the trace). Injection writes version `00` and
/// only the defined flag bits (sampled, random).
///
/// [W3C Trace Context](https://www.w3.org/TR/trace-context-2/),
/// [OpenTelemetry Specification: W3C TraceContext propagator](https://opentelemetry.io/docs/specs/otel/context/api-propagators/#w3c-trace-context-requirements)
public struct OTelW3CTraceContextPropagator: OTelTextMapPropagator {
    static let traceparent = "traceparent"
    static let tracestate = "tracestate"
    /// The flag bits this version defines; others are zeroed on output.
    static let knownFlags: UInt8 = 0x03

    /// Creates the propagator.
    public init() {}

    public var fields: [String] { [Self.traceparent, Self.tracestate] }

    public func inject(_ context: OTelPropagationContext, into carrier: inout some OTelTextMapWriter) {
        let spanContext = context.spanContext
        guard spanContext.isValid else { return }
        carrier.set(Self.traceparentValue(of: spanContext), forField: Self.traceparent)
        if !spanContext.traceState.isEmpty {
            carrier.set(spanContext.traceState.header, forField: Self.tracestate)
        }
    }

    public func extract(from carrier: some OTelTextMapReader, into context: inout OTelPropagationContext) {
        // Combining repeated fields makes a duplicated traceparent invalid (wrong length), as it should be.
        guard let header = carrier.combinedValue(forField: Self.traceparent),
            var spanContext = Self.parseTraceparent(header)
        else { return }
        if let stateHeader = carrier.combinedValue(forField: Self.tracestate) {
            spanContext.traceState = OTelTraceState(header: stateHeader) ?? OTelTraceState()
        }
        context.spanContext = spanContext
    }

    /// `00-<trace-id>-<parent-id>-<flags>`.
    static func traceparentValue(of spanContext: OTelSpanContext) -> String {
        let flags = spanContext.traceFlags.rawValue & knownFlags
        return String(unsafeUninitializedCapacity: 55) { output in
            let dash = UInt8(ascii: "-")
            output[0] = UInt8(ascii: "0")
            output[1] = UInt8(ascii: "0")
            output[2] = dash
            var position = spanContext.traceID.withUnsafeBytes { Hex.write($0, into: output, at: 3) }
            output[position] = dash
            position = spanContext.spanID.withUnsafeBytes { Hex.write($0, into: output, at: position + 1) }
            output[position] = dash
            return withUnsafeBytes(of: flags) { Hex.write($0, into: output, at: position + 1) }
        }
    }

    /// Parses a `traceparent` value into a remote span context, or `nil` if it is not valid.
    static func parseTraceparent(_ header: String) -> OTelSpanContext? {
        var header = header
        return header.withUTF8 { buffer in
            parseTraceparent(UnsafeBufferPointer(rebasing: buffer.trimmingOptionalWhitespace()))
        }
    }

    private static func parseTraceparent(_ value: UnsafeBufferPointer<UInt8>) -> OTelSpanContext? {
        guard value.count >= 55,
            let versionHigh = Hex.value(of: value[0], lowercaseOnly: true),
            let versionLow = Hex.value(of: value[1], lowercaseOnly: true)
        else { return nil }
        let version = versionHigh << 4 | versionLow
        guard version != 0xFF else { return nil }
        if version == 0 {
            guard value.count == 55 else { return nil }
        } else if value.count > 55 {
            guard value[55] == UInt8(ascii: "-") else { return nil }
        }
        let dash = UInt8(ascii: "-")
        guard value[2] == dash, value[35] == dash, value[52] == dash,
            let traceID = TraceID(hexDigits: value[3..<35], lowercaseOnly: true, allowShorter: false),
            let spanID = SpanID(hexDigits: value[36..<52], lowercaseOnly: true, allowShorter: false),
            let flagsHigh = Hex.value(of: value[53], lowercaseOnly: true),
            let flagsLow = Hex.value(of: value[54], lowercaseOnly: true),
            traceID.isValid, spanID.isValid
        else { return nil }
        return OTelSpanContext(
            traceID: traceID,
            spanID: spanID,
            traceFlags: OTelTraceFlags(rawValue: (flagsHigh << 4 | flagsLow) & knownFlags),
            isRemote: true
        )
    }
}

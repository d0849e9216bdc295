extension MockTracer {
    /// Writes `context` into `carrier`.
    ///
    /// - ``Format/textMap`` and ``Format/httpHeaders`` (carrier: ``TextMapWriter``): `ot-tracer-traceid` and
    ///   `ot-tracer-spanid` (16 lowercase hex digits), `ot-tracer-sampled` (`true`/`false`), and each baggage item as
    ///   `ot-baggage-<key>`; in HTTP headers, baggage values are percent-encoded.
    /// - ``Format/binary`` (carrier: ``BinaryCarrier``): the layout of ``MockBinaryEncoding``.
    ///
    /// A context of another tracer is written with its hexadecimal identifiers; one without any (such as
    /// ``NoopSpanContext``) writes nothing.
    ///
    /// - Throws: ``OpenTracingError/unsupportedFormat(_:)``, ``OpenTracingError/invalidCarrier(format:carrierType:)``.
    public func inject<Carrier>(_ context: any SpanContext, format: Format, into carrier: inout Carrier) throws {
        switch format {
        case .textMap, .httpHeaders:
            guard var writer = carrier as? any TextMapWriter else {
                throw OpenTracingError.invalidCarrier(format: format, carrierType: String(reflecting: Carrier.self))
            }
            guard let mock = MockSpanContext(converting: context) else { return }
            MockTextMapEncoding.inject(mock, into: &writer, percentEncoding: format == .httpHeaders)
            // The writer is a copy when the carrier is a value type: store it back.
            if let updated = writer as? Carrier {
                carrier = updated
            }
        case .binary:
            guard var binary = carrier as? BinaryCarrier else {
                throw OpenTracingError.invalidCarrier(format: format, carrierType: String(reflecting: Carrier.self))
            }
            guard let mock = MockSpanContext(converting: context) else { return }
            binary.bytes = MockBinaryEncoding.encode(mock)
            if let updated = binary as? Carrier {
                carrier = updated
            }
        default:
            throw OpenTracingError.unsupportedFormat(format)
        }
    }

    /// Reads a context written by ``inject(_:format:into:)``.
    ///
    /// Text map and HTTP header keys match case-insensitively.
    ///
    /// - Returns: The context, or `nil` when the carrier has none (no `ot-tracer-*` keys; an empty binary carrier).
    /// - Throws: ``OpenTracingError/spanContextCorrupted(_:)`` for malformed identifiers, a missing identifier, a bad
    ///   sampled flag or percent-encoding, or truncated or unknown binary data; ``OpenTracingError/unsupportedFormat(_:)``;
    ///   ``OpenTracingError/invalidCarrier(format:carrierType:)``.
    public func extract<Carrier>(format: Format, from carrier: Carrier) throws -> (any SpanContext)? {
        switch format {
        case .textMap, .httpHeaders:
            guard let reader = carrier as? any TextMapReader else {
                throw OpenTracingError.invalidCarrier(format: format, carrierType: String(reflecting: Carrier.self))
            }
            return try MockTextMapEncoding.extract(from: reader, percentEncoding: format == .httpHeaders)
        case .binary:
            guard let binary = carrier as? BinaryCarrier else {
                throw OpenTracingError.invalidCarrier(format: format, carrierType: String(reflecting: Carrier.self))
            }
            return try MockBinaryEncoding.decode(binary.bytes)
        default:
            throw OpenTracingError.unsupportedFormat(format)
        }
    }
}

import OTelModel
import OpenTracing

extension TracerShim {
    /// Injects the span context and its baggage (OT-19 … OT-23).
    ///
    /// - ``OpenTracing/Format/textMap`` and ``OpenTracing/Format/httpHeaders`` write through their own configured
    ///   propagator into any ``OpenTracing/TextMapWriter``; baggage is written even without a valid span context
    ///   (OT-20).
    /// - ``OpenTracing/Format/binary`` replaces a ``OpenTracing/BinaryCarrier``'s bytes with
    ///   ``BinarySpanContextFormat``.
    /// - A span context of another tracer is injected from its hex identifiers and baggage, and reported.
    ///
    /// - Throws: ``OpenTracing/OpenTracingError/invalidCarrier(format:carrierType:)`` when the carrier does not fit
    ///   the format, ``OpenTracing/OpenTracingError/unsupportedFormat(_:)`` for any other format (OT-21).
    func inject<Carrier>(_ context: any SpanContext, format: Format, into carrier: inout Carrier) throws {
        let propagator: any OTelTextMapPropagator
        switch format {
        case .textMap: propagator = textMapPropagator
        case .httpHeaders: propagator = httpHeadersPropagator
        case .binary:
            guard var binary = carrier as? BinaryCarrier else {
                throw OpenTracingError.invalidCarrier(format: format, carrierType: String(describing: Carrier.self))
            }
            binary.bytes = BinarySpanContextFormat.encode(shimContext(context), diagnostics: diagnostics)
            if let updated = binary as? Carrier { carrier = updated }
            return
        default:
            throw OpenTracingError.unsupportedFormat(format)
        }
        guard var writer = carrier as? any TextMapWriter else {
            throw OpenTracingError.invalidCarrier(format: format, carrierType: String(describing: Carrier.self))
        }
        Self.inject(shimContext(context).propagationContext, with: propagator, into: &writer)
        if let updated = writer as? Carrier { carrier = updated }
    }

    /// Extracts a span context (OT-24 … OT-28), always starting from an empty context (never the current one).
    ///
    /// - Returns: A context when the extracted span context is valid, or sampled (a `jaeger-debug-id` without
    ///   ids), or baggage was found; else `nil` (OT-25). Malformed fields are skipped, never thrown (OT-28).
    /// - Throws: ``OpenTracing/OpenTracingError/invalidCarrier(format:carrierType:)`` when the carrier does not fit
    ///   the format, ``OpenTracing/OpenTracingError/unsupportedFormat(_:)`` for any other format, and
    ///   ``OpenTracing/OpenTracingError/spanContextCorrupted(_:)`` for binary input that is not
    ///   ``BinarySpanContextFormat``.
    func extract<Carrier>(format: Format, from carrier: Carrier) throws -> (any SpanContext)? {
        let propagator: any OTelTextMapPropagator
        switch format {
        case .textMap: propagator = textMapPropagator
        case .httpHeaders: propagator = httpHeadersPropagator
        case .binary:
            guard let binary = carrier as? BinaryCarrier else {
                throw OpenTracingError.invalidCarrier(format: format, carrierType: String(describing: Carrier.self))
            }
            guard let extracted = try BinarySpanContextFormat.decode(binary.bytes) else { return nil }
            return extracted.isWorthReturningFromExtract ? extracted : nil
        default:
            throw OpenTracingError.unsupportedFormat(format)
        }
        let extracted: OTelPropagationContext
        if let dictionary = carrier as? [String: String] {
            // The dictionary's own lookup tries the exact key before scanning for another case.
            extracted = propagator.extract(from: dictionary)
        } else if let reader = carrier as? any TextMapReader {
            extracted = Self.extract(with: propagator, from: reader)
        } else {
            throw OpenTracingError.invalidCarrier(format: format, carrierType: String(describing: Carrier.self))
        }
        let context = SpanContextShim(extracted: extracted)
        return context.isWorthReturningFromExtract ? context : nil
    }

    private static func inject<Writer: TextMapWriter>(
        _ context: OTelPropagationContext,
        with propagator: any OTelTextMapPropagator,
        into writer: inout Writer
    ) {
        var adapter = TextMapWriterAdapter(base: writer)
        propagator.inject(context, into: &adapter)
        writer = adapter.base
    }

    private static func extract<Reader: TextMapReader>(
        with propagator: any OTelTextMapPropagator,
        from reader: Reader
    ) -> OTelPropagationContext {
        propagator.extract(from: TextMapReaderAdapter(base: reader))
    }

    /// `context` as a shim context, reporting one from another tracer.
    private func shimContext(_ context: any SpanContext) -> SpanContextShim {
        let (shim, isForeign) = SpanContextShim.converting(context)
        if isForeign { diagnostics.report(.foreignSpanContext, detail: "\(type(of: context))") }
        return shim
    }
}

/// Reads and writes span context and baggage as text fields, such as HTTP headers.
///
/// `extract` never throws: a missing or malformed field leaves the context as it was (for this propagator),
/// so a half-valid span context is never produced. Extracted span contexts are marked remote.
///
/// [OpenTelemetry Specification: TextMap Propagator](https://opentelemetry.io/docs/specs/otel/context/api-propagators/#textmap-propagator)
public protocol OTelTextMapPropagator: Sendable {
    /// The (lowercase) fields this propagator writes on injection, e.g. for CORS pre-flight lists.
    var fields: [String] { get }

    /// Writes `context` into `carrier`; an invalid span context or empty baggage writes nothing for that part.
    func inject(_ context: OTelPropagationContext, into carrier: inout some OTelTextMapWriter)

    /// Reads `carrier` and updates `context` with what is found and valid; leaves it unchanged otherwise.
    func extract(from carrier: some OTelTextMapReader, into context: inout OTelPropagationContext)
}

extension OTelTextMapPropagator {
    /// The context extracted from `carrier`, starting from ``OTelPropagationContext/empty``.
    public func extract(from carrier: some OTelTextMapReader) -> OTelPropagationContext {
        var context = OTelPropagationContext.empty
        extract(from: carrier, into: &context)
        return context
    }
}

extension OTelTextMapPropagator {
    /// Writes the span, baggage and debug mark of `context` (by default the current context) into `carrier`.
    ///
    /// A child span made active under an extracted debug context is injected as debug again (B3 `d` or
    /// `X-B3-Flags: 1`, Jaeger flag `0x02`), because ``OTelContext/withSpan(_:)`` keeps ``OTelContext/isDebug``.
    public func inject(context: OTelContext = .current, into carrier: inout some OTelTextMapWriter) {
        inject(OTelPropagationContext(context), into: &carrier)
    }

    /// The context to continue a request in: what `carrier` holds, extracted from
    /// ``OTelPropagationContext/empty`` and turned into an ``OTelContext`` with ``OTelContext/init(extracted:)``.
    ///
    /// Make it current (``OTelContext/withValue(_:_:)``) and start the server span in it.
    public func extractContext(from carrier: some OTelTextMapReader) -> OTelContext {
        OTelContext(extracted: extract(from: carrier))
    }
}

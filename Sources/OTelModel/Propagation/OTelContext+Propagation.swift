extension OTelContext {
    /// The context a service continues after extracting `extracted` from a request.
    ///
    /// The remote span context becomes a non-recording span (the parent of spans started in this context) when it
    /// is valid, or invalid but sampled (a `jaeger-debug-id` request, which starts a new debug trace). Baggage,
    /// ``isDebug`` and ``jaegerDebugID`` are taken over.
    public init(extracted: OTelPropagationContext) {
        let spanContext = extracted.spanContext
        self.init(
            span: spanContext.isValid || spanContext.isSampled ? OTelSpan(nonRecording: spanContext) : nil,
            baggage: extracted.baggage,
            isDebug: extracted.isDebug,
            jaegerDebugID: extracted.jaegerDebugID
        )
    }
}

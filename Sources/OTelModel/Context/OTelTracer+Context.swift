extension OTelTracer {
    /// Starts a span whose parent is the span of `context` (by default the current context).
    ///
    /// See ``startSpan(_:kind:parent:attributes:links:startTime:)`` for sampling and limits.
    public func startSpan(
        _ name: String,
        kind: OTelSpanKind = .internal,
        context: OTelContext = .current,
        attributes: OTelAttributes = OTelAttributes(),
        links: [OTelSpanLink] = [],
        startTime: UInt64? = nil
    ) -> OTelSpan {
        startSpan(
            name,
            kind: kind,
            parent: context.span?.context,
            attributes: attributes,
            links: links,
            startTime: startTime
        )
    }
}

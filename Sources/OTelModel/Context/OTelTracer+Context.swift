extension OTelTracer {
    /// Starts a span whose parent is the span of `context` (by default the current context).
    ///
    /// See ``startSpan(_:kind:parent:attributes:links:startTime:)`` for sampling and limits. A root span started
    /// under a context extracted from a `jaeger-debug-id` header (no valid parent, ``OTelContext/jaegerDebugID``
    /// set) gets the attribute `jaeger-debug-id` with that value, as Jaeger clients tag it.
    public func startSpan(
        _ name: String,
        kind: OTelSpanKind = .internal,
        context: OTelContext = .current,
        attributes: OTelAttributes = OTelAttributes(),
        links: [OTelSpanLink] = [],
        startTime: UInt64? = nil
    ) -> OTelSpan {
        let parent = context.span?.context
        if let debugID = context.jaegerDebugID, parent?.isValid != true {
            var tagged = attributes
            tagged.updateValue(.string(debugID), forKey: Self.jaegerDebugIDAttribute)
            return startSpan(name, kind: kind, parent: parent, attributes: tagged, links: links, startTime: startTime)
        }
        // The usual case passes the caller's attributes on as they are (no copy to tag).
        return startSpan(name, kind: kind, parent: parent, attributes: attributes, links: links, startTime: startTime)
    }

    /// The attribute Jaeger clients put the `jaeger-debug-id` value in.
    static let jaegerDebugIDAttribute = "jaeger-debug-id"
}

public import Instrumentation

extension InstrumentationContext {
    /// The ``OTelContext`` stored in this instrumentation context, if any.
    ///
    /// Setting it stores a new binding, so code that later binds this instrumentation context (for example
    /// swift-distributed-tracing's `withSpan`) makes the OTel context current. Prefer
    /// ``OTelContext/resolved(from:)`` to read: it also sees imperatively attached contexts.
    public var otelContext: OTelContext? {
        get { self[OTelContextKey.self]?.context }
        set {
            self[OTelContextKey.self] = newValue.map { ContextBinding(context: $0, token: ContextBinding.nextToken()) }
        }
    }
}

public import Instrumentation
public import OTelModel

extension InstrumentationContext {
    /// The OpenTelemetry baggage current in this context, shared with the OpenTracing shim's baggage items.
    ///
    /// Reading resolves as a parent lookup does: when this is the caller's current context, the baggage of a
    /// span activated imperatively inside it wins. Setting stores a new ``OTelModel/OTelContext`` with the
    /// same span (and debug marks) and the new baggage; bind the context (`InstrumentationContext.$current.withValue`) to make it
    /// current. Inside, OpenTracing's `activeSpan` carries the new items, and both APIs inject them.
    ///
    /// ```swift
    /// var context = InstrumentationContext.current ?? .topLevel
    /// context.otelBaggage = context.otelBaggage.setting(name: "tenant", value: "acme")
    /// try await InstrumentationContext.$current.withValue(context) { try await handle() }
    /// ```
    public var otelBaggage: OTelBaggage {
        get { OTelContext.resolved(from: self).baggage }
        set {
            var updated = OTelContext.resolved(from: self)
            updated.baggage = newValue
            // No attachment: an OpenTracing span object activated earlier does not carry the new items, so the
            // shim must hand out a span over this context instead.
            updated.attachment = nil
            otelContext = updated
        }
    }
}

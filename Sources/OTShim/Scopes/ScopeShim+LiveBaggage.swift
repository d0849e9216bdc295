import OTelModel

/// The context an activation made current reports the span shim's baggage as it is now, so items set on the
/// active span after `activate` reach OTelModel and swift-distributed-tracing code too (OT-51).
extension ScopeShim: OTelLiveBaggageAttachment {
    var liveBaggage: OTelBaggage? { spanShim?.baggage }
}

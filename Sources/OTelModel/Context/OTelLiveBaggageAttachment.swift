/// An ``OTelContext/attachment`` whose baggage can change while its context is current.
///
/// A context is a value: it holds the baggage of the moment it was made current. A bridge whose own span object
/// can take baggage items later (OpenTracing's `setBaggageItem` on the active span, after `activate`) would
/// otherwise leave code that reads the context (OTelModel spans, swift-distributed-tracing's `withSpan`, inject)
/// with the old items while the bridge's own children see the new ones. When the attachment conforms, the
/// current context (``OTelContext/current``, ``OTelContext/resolved(from:)``) reports ``liveBaggage`` instead of
/// the stored baggage.
///
/// Replacing the baggage of such a context therefore means dropping the attachment too
/// (``OTelContext/withBaggage(_:)`` does).
public protocol OTelLiveBaggageAttachment: AnyObject, Sendable {
    /// The baggage now, or `nil` to keep the context's stored baggage. Called once per resolution of the current
    /// context, so keep it cheap (a locked read).
    var liveBaggage: OTelBaggage? { get }
}

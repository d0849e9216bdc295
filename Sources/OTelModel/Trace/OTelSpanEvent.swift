/// Something that happened during a span, with the time it happened.
///
/// [OpenTelemetry Specification: Add Events](https://opentelemetry.io/docs/specs/otel/trace/api/#add-events)
public struct OTelSpanEvent: Sendable {
    /// The name of the event.
    public var name: String
    /// When the event happened, in nanoseconds since the Unix epoch.
    public var time: UInt64
    /// The attributes of the event; their `droppedCount` says how many were dropped by the per-event limit.
    ///
    /// Reading builds a collection when the event holds a single attribute apart (``soleAttribute``); encoders walk
    /// ``withAttributeEntries(_:)`` instead.
    public var attributes: OTelAttributes {
        get {
            guard let soleAttribute else { return storedAttributes }
            var attributes = storedAttributes
            // Within the limits already (at least one attribute allowed, value already truncated): appends as is.
            attributes.updateValue(soleAttribute.value, forKey: soleAttribute.key)
            return attributes
        }
        set {
            storedAttributes = newValue
            soleAttribute = nil
        }
    }

    /// Every attribute, or, while ``soleAttribute`` is set, every other one: then none, and only its limits count.
    /// Encoders read the two directly (or through ``withAttributeEntries(_:)``).
    @usableFromInline package private(set) var storedAttributes: OTelAttributes
    /// An event's only attribute, held without the array a collection allocates (an OpenTracing log with one field
    /// is the common case); `nil` when the attributes are all in ``storedAttributes``.
    @usableFromInline package private(set) var soleAttribute: OTelAttributes.Entry?

    /// How many attributes the per-event limit dropped (``attributes``' `droppedCount`, without building it).
    @inlinable
    package var droppedAttributeCount: Int { storedAttributes.droppedCount }

    /// Lends the attributes, in insertion order, to `body` without building a collection or copying the entries (a
    /// sole attribute is lent in place, as a one-element buffer). Encoders walk event attributes this way; the buffer
    /// is valid only inside `body`. Inlinable, so that an encoder's walk is specialised as for
    /// ``OTelAttributes/withEntries(_:)``.
    @inlinable
    package func withAttributeEntries<Result>(
        _ body: (UnsafeBufferPointer<OTelAttributes.Entry>) throws -> Result
    ) rethrows -> Result {
        guard let soleAttribute else { return try storedAttributes.withEntries(body) }
        return try withUnsafePointer(to: soleAttribute) { try body(UnsafeBufferPointer(start: $0, count: 1)) }
    }
}

// The initialisers live in an extension so that the struct keeps its implicit memberwise initialiser: an event made by
// it is one value, where an initialiser assigning property by property built it in a stack copy of `self` and then
// copied it out and destroyed the stack copy (two runtime value-witness calls on the span's addEvent path).
extension OTelSpanEvent {
    /// Creates an event.
    public init(name: String, time: UInt64, attributes: OTelAttributes = OTelAttributes()) {
        self = OTelSpanEvent(name: name, time: time, storedAttributes: attributes, soleAttribute: nil)
    }

    /// The event ``OTelSpan/addEvent(_:attributes:at:)`` records for a one-attribute collection under the per-event
    /// `limits`, with the attribute held apart: equal attributes, dropped count and limits, no array.
    static func withAttribute(
        name: String,
        time: UInt64,
        key: String,
        value: OTelAttributeValue,
        limits: OTelAttributeLimits
    ) -> OTelSpanEvent {
        guard !key.isEmpty, limits.countLimit >= 1 else {
            // Nothing kept (empty key) or nothing allowed: the general path, which allocates nothing either.
            var attributes = OTelAttributes()
            attributes.updateValue(value, forKey: key)
            return OTelSpanEvent(name: name, time: time, attributes: attributes.frozen(under: limits))
        }
        // As `frozen(under:)` does: a collection within the limits keeps its own (none); one with a value length
        // limit is re-made under `limits`, truncating the value.
        guard let lengthLimit = limits.valueLengthLimit else {
            return OTelSpanEvent(
                name: name,
                time: time,
                storedAttributes: OTelAttributes(),
                soleAttribute: OTelAttributes.Entry(key: key, value: value)
            )
        }
        return OTelSpanEvent(
            name: name,
            time: time,
            storedAttributes: OTelAttributes(limits: limits),
            soleAttribute: OTelAttributes.Entry(key: key, value: value.truncated(toLength: lengthLimit))
        )
    }
}

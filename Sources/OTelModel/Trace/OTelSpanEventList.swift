/// A span's events, oldest first, with a single event stored inline: a span that records one event (the common
/// case) allocates no array for it.
///
/// ``OTelFinishedSpan/eventList`` lends it to encoders, which walk it (forwards or `reversed()`) without building
/// the ``OTelFinishedSpan/events`` array.
package struct OTelSpanEventList: Sendable {
    private enum Storage: Sendable {
        case empty
        case one(OTelSpanEvent)
        case many([OTelSpanEvent])
    }

    private var storage: Storage

    /// No events.
    package init() {
        storage = .empty
    }

    /// `events`, kept as the same array (no copy).
    package init(_ events: [OTelSpanEvent]) {
        storage = events.isEmpty ? .empty : .many(events)
    }

    /// The events as an array; a single inline event is copied into a new one.
    package var array: [OTelSpanEvent] {
        switch storage {
        case .empty: []
        case .one(let event): [event]
        case .many(let events): events
        }
    }

    /// Lends the events, oldest first, to `body` as one buffer, without copying them or building an array (a single
    /// inline event is lent in place). Encoders walk events this way; the buffer is valid only inside `body`.
    package func withEvents<Result>(_ body: (UnsafeBufferPointer<OTelSpanEvent>) throws -> Result) rethrows -> Result {
        switch storage {
        case .empty:
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        case .one(let event):
            return try withUnsafePointer(to: event) { try body(UnsafeBufferPointer(start: $0, count: 1)) }
        case .many(let events):
            return try events.withUnsafeBufferPointer(body)
        }
    }

    /// Appends `event`; the second event moves both into an array.
    package mutating func append(_ event: consuming OTelSpanEvent) {
        switch storage {
        case .empty:
            storage = .one(event)
        case .one(let first):
            var events: [OTelSpanEvent] = []
            events.reserveCapacity(4)
            events.append(first)
            events.append(event)
            storage = .many(events)
        case .many(var events):
            storage = .empty  // leaves `events` uniquely referenced, so that appending does not copy it
            events.append(event)
            storage = .many(events)
        }
    }
}

extension OTelSpanEventList: RandomAccessCollection {
    package var startIndex: Int { 0 }

    /// The number of events (without the generic `distance(from:to:)`).
    package var count: Int { endIndex }

    package var endIndex: Int {
        switch storage {
        case .empty: 0
        case .one: 1
        case .many(let events): events.count
        }
    }

    package subscript(position: Int) -> OTelSpanEvent {
        switch storage {
        case .one(let event) where position == 0: event
        case .many(let events): events[position]
        default: preconditionFailure("OTelSpanEventList index \(position) out of range")
        }
    }
}

/// A FIFO ring of finished spans that grows on demand up to a hard limit (so a large limit costs nothing until used).
///
/// The spans live in a buffer this object manages itself: appending moves the span into its slot with one copy of its
/// bytes, where an array of optionals first destroyed the slot's `nil` (a runtime value-witness call for a type this
/// large) and checked the array's uniqueness. Only the slots `head ..< head + count` (modulo the capacity) are
/// initialised. Not thread-safe: its owner guards it.
final class SpanRing {
    private var slots: UnsafeMutablePointer<OTelFinishedSpan>
    private var capacity = 0
    private var head = 0
    private(set) var count = 0
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
        slots = .allocate(capacity: 0)
    }

    deinit {
        var position = head
        for _ in 0..<count {
            (slots + position).deinitialize(count: 1)
            position += 1
            if position == capacity { position = 0 }
        }
        slots.deallocate()
    }

    var isEmpty: Bool { count == 0 }
    var isFull: Bool { count >= limit }

    /// Appends `span` (moved in); the caller checks ``isFull`` first.
    func append(_ span: consuming OTelFinishedSpan) {
        if count == capacity { grow() }
        var slot = head + count
        if slot >= capacity { slot -= capacity }
        (slots + slot).initialize(to: span)
        count += 1
    }

    /// Removes and returns up to `maximum` spans, oldest first.
    func removeFirst(upTo maximum: Int) -> [OTelFinishedSpan] {
        let taken = min(maximum, count)
        var batch: [OTelFinishedSpan] = []
        batch.reserveCapacity(taken)
        for _ in 0..<taken {
            batch.append((slots + head).move())
            head += 1
            if head == capacity { head = 0 }
        }
        count -= taken
        if count == 0 { head = 0 }
        return batch
    }

    /// Doubles the capacity (at least 16, at most ``limit``), moving the spans to the front of the new buffer.
    private func grow() {
        let newCapacity = min(limit, max(16, capacity * 2))
        let grown = UnsafeMutablePointer<OTelFinishedSpan>.allocate(capacity: newCapacity)
        // The spans wrap around the end of the old buffer at most once: two moves, oldest first.
        let firstRun = min(count, capacity - head)
        if firstRun > 0 { grown.moveInitialize(from: slots + head, count: firstRun) }
        if count > firstRun { (grown + firstRun).moveInitialize(from: slots, count: count - firstRun) }
        slots.deallocate()
        slots = grown
        capacity = newCapacity
        head = 0
    }
}

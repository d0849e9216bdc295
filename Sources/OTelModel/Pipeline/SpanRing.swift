/// A FIFO ring of finished spans that grows on demand up to a hard limit (so a large limit costs nothing until used).
struct SpanRing {
    private var storage: [OTelFinishedSpan?] = []
    private var head = 0
    private(set) var count = 0
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    var isEmpty: Bool { count == 0 }
    var isFull: Bool { count >= limit }

    /// Appends `span`; the caller checks ``isFull`` first.
    mutating func append(_ span: consuming OTelFinishedSpan) {
        if count == storage.count { grow() }
        var slot = head + count
        if slot >= storage.count { slot -= storage.count }
        storage[slot] = consume span
        count += 1
    }

    /// Removes and returns up to `maximum` spans, oldest first.
    mutating func removeFirst(upTo maximum: Int) -> [OTelFinishedSpan] {
        let taken = min(maximum, count)
        var batch: [OTelFinishedSpan] = []
        batch.reserveCapacity(taken)
        for _ in 0..<taken {
            if let span = storage[head].take() { batch.append(span) }
            head += 1
            if head == storage.count { head = 0 }
        }
        count -= taken
        if count == 0 { head = 0 }
        return batch
    }

    private mutating func grow() {
        let newCapacity = min(limit, max(16, storage.count * 2))
        var grown: [OTelFinishedSpan?] = []
        grown.reserveCapacity(newCapacity)
        var position = head
        for _ in 0..<count {
            grown.append(storage[position].take())
            position += 1
            if position == storage.count { position = 0 }
        }
        grown.append(contentsOf: repeatElement(nil, count: newCapacity - count))
        storage = grown
        head = 0
    }
}

import Testing

@testable import OTelModel

@Suite("Span ring: the export queue's FIFO storage")
struct SpanRingTests {
    private func span(_ number: Int) -> OTelFinishedSpan {
        OTelFinishedSpan(
            context: .stub(span: UInt64(number + 1)),
            name: "span \(number)",
            startTime: UInt64(number),
            endTime: UInt64(number + 1),
            instrumentationScope: OTelInstrumentationScope(name: "ring")
        )
    }

    @Test("spans come out oldest first across wrap-around and growth while wrapped")
    func orderAcrossWrapAndGrowth() {
        let ring = SpanRing(limit: 100)
        for number in 0..<10 { ring.append(span(number)) }
        #expect(ring.removeFirst(upTo: 6).map(\.name) == (0..<6).map { "span \($0)" })
        // Head at 6 of 16 slots: the next 12 wrap around the end, and the 13th grows the buffer while wrapped.
        for number in 10..<40 { ring.append(span(number)) }
        #expect(ring.count == 34)
        #expect(ring.removeFirst(upTo: 5).map(\.name) == (6..<11).map { "span \($0)" })
        #expect(ring.removeFirst(upTo: 100).map(\.name) == (11..<40).map { "span \($0)" })
        #expect(ring.isEmpty)
        ring.append(span(40))
        #expect(ring.removeFirst(upTo: 1).map(\.startTime) == [40])
    }

    @Test("the ring is full at its limit (at least 1); removing makes room again")
    func limit() {
        let ring = SpanRing(limit: 3)
        for number in 0..<3 { ring.append(span(number)) }
        #expect(ring.isFull)
        #expect(ring.removeFirst(upTo: 1).map(\.name) == ["span 0"])
        #expect(!ring.isFull)
        ring.append(span(3))
        #expect(ring.removeFirst(upTo: 10).map(\.name) == ["span 1", "span 2", "span 3"])
        let tiny = SpanRing(limit: 0)
        #expect(tiny.limit == 1)
        tiny.append(span(0))
        #expect(tiny.isFull)
    }

    @Test("spans still queued are released with the ring, wrapped or not")
    func releasesQueuedSpans() {
        weak var unwrappedOrigin: OTelSpanOrigin?
        weak var wrappedOrigin: OTelSpanOrigin?
        do {
            let ring = SpanRing(limit: 50)
            for number in 0..<20 {
                let queued = span(number)
                if number == 12 { unwrappedOrigin = queued.origin }
                ring.append(queued)
            }
            _ = ring.removeFirst(upTo: 10)
            for number in 20..<40 {
                let queued = span(number)
                if number == 39 { wrappedOrigin = queued.origin }
                ring.append(queued)
            }
            #expect(unwrappedOrigin != nil)
            #expect(wrappedOrigin != nil)
        }
        #expect(unwrappedOrigin == nil)
        #expect(wrappedOrigin == nil)
    }
}

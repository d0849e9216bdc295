/// The mutable state of a recording span, guarded by the span's lock.
struct SpanRecord {
    let parentSpanID: SpanID?
    let parentIsRemote: Bool
    let startTime: UInt64

    var name: String
    var kind: OTelSpanKind
    var attributes: OTelAttributes
    var events: OTelSpanEventList
    var links: [OTelSpanLink]
    var droppedEventCount: Int
    var droppedLinkCount: Int
    var status: OTelSpanStatus
    /// Set once, by the first `end`; `nil` while the span records.
    var endTime: UInt64?

    var isEnded: Bool { endTime != nil }
}

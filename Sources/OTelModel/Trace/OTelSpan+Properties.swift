extension OTelSpan {
    /// The span name; empty for a non-recording span.
    public var name: String { read(default: "") { $0.name } }

    /// The span kind; ``OTelSpanKind/internal`` for a non-recording span.
    public var kind: OTelSpanKind { read(default: .internal) { $0.kind } }

    /// The status; ``OTelSpanStatus/unset`` for a non-recording span.
    public var status: OTelSpanStatus { read(default: .unset) { $0.status } }

    /// The attributes recorded so far.
    public var attributes: OTelAttributes { read(default: OTelAttributes()) { $0.attributes } }

    /// The events recorded so far; empty once the span has ended (they moved to its ``OTelFinishedSpan``).
    public var events: [OTelSpanEvent] { read(default: []) { $0.events.array } }

    /// The links recorded so far; empty once the span has ended (they moved to its ``OTelFinishedSpan``).
    public var links: [OTelSpanLink] { read(default: []) { $0.links } }

    /// The start time in nanoseconds since the Unix epoch; `0` for a non-recording span.
    public var startTime: UInt64 { read(default: 0) { $0.startTime } }

    /// The end time in nanoseconds since the Unix epoch, once ended; `nil` before, and for a non-recording span.
    public var endTime: UInt64? { read(default: nil) { $0.endTime } }

    /// The parent's span id, or `nil` for a root span (and for a non-recording span).
    public var parentSpanID: SpanID? { read(default: nil) { $0.parentSpanID } }

    /// Whether the parent was propagated from another process.
    public var parentIsRemote: Bool { read(default: false) { $0.parentIsRemote } }

    /// The scope of the tracer that started the span; `nil` for a non-recording span.
    public var instrumentationScope: OTelInstrumentationScope? { tracer?.instrumentationScope }

    /// The resource of the provider that started the span; `nil` for a non-recording span.
    public var resource: OTelResource? { tracer?.core.resource }

    @inline(__always)
    private func read<Value>(default defaultValue: Value, _ body: (borrowing SpanRecord) -> Value) -> Value {
        guard let recording else { return defaultValue }
        return recording.read(body)
    }
}

/// A span of ``MockTracer`` that keeps everything it is told, for tests to inspect.
///
/// Every property read is a consistent snapshot. Calls after ``finish(at:)`` change nothing; each is recorded in
/// ``generatedErrors``.
public final class MockSpan: Span {
    /// One structured log entry.
    public struct LogEntry: Sendable, Equatable {
        /// When the entry was logged.
        public var timestamp: Timestamp
        /// The fields, in the order given.
        public var fields: [LogField]

        /// Creates an entry.
        public init(timestamp: Timestamp, fields: [LogField]) {
            self.timestamp = timestamp
            self.fields = fields
        }
    }

    private struct State {
        var operationName: String
        var context: MockSpanContext
        var tags: [String: TagValue]
        var logs: [LogEntry] = []
        var finishTime: Timestamp?
        var generatedErrors: [String] = []
    }

    private let mockTracer: MockTracer
    private let state: LockedValue<State>

    /// The references given at start, plus the implicit `childOf` reference to the active span when there were none.
    public let references: [Reference]
    /// The span id of the first `childOf` reference, else of the first reference; `nil` for a root span.
    public let parentSpanID: UInt64?
    /// When the span started.
    public let startTime: Timestamp

    init(
        tracer: MockTracer,
        operationName: String,
        context: MockSpanContext,
        references: [Reference],
        parentSpanID: UInt64?,
        tags: [String: TagValue],
        startTime: Timestamp
    ) {
        mockTracer = tracer
        state = LockedValue(State(operationName: operationName, context: context, tags: tags))
        self.references = references
        self.parentSpanID = parentSpanID
        self.startTime = startTime
    }

    /// The current operation name.
    public var operationName: String { state.withLock { $0.operationName } }
    /// The current context (it changes when baggage is set).
    public var mockContext: MockSpanContext { state.withLock { $0.context } }
    /// The tags set at start and since.
    public var tags: [String: TagValue] { state.withLock { $0.tags } }
    /// The log entries, in the order logged.
    public var logs: [LogEntry] { state.withLock { $0.logs } }
    /// When the span finished, or `nil`.
    public var finishTime: Timestamp? { state.withLock { $0.finishTime } }
    /// Whether the span has finished.
    public var isFinished: Bool { state.withLock { $0.finishTime != nil } }
    /// One message per operation attempted after finish (each was ignored).
    public var generatedErrors: [String] { state.withLock { $0.generatedErrors } }

    public var context: any SpanContext { mockContext }
    public var tracer: any Tracer { mockTracer }

    public func setOperationName(_ operationName: String) {
        mutate("setOperationName(\"\(operationName)\")") { $0.operationName = operationName }
    }

    public func setTag(_ key: String, _ value: TagValue) {
        mutate("setTag(\"\(key)\")") { $0.tags[key] = value }
    }

    public func log(fields: [LogField], timestamp: Timestamp?) {
        let entry = LogEntry(timestamp: timestamp ?? .now(), fields: fields)
        mutate("log") { $0.logs.append(entry) }
    }

    public func setBaggageItem(_ key: String, _ value: String) {
        mutate("setBaggageItem(\"\(key)\")") { $0.context = $0.context.withBaggageItem(key, value) }
    }

    public func baggageItem(_ key: String) -> String? {
        state.withLock { $0.context.baggage[key] }
    }

    public func finish(at finishTime: Timestamp?) {
        let time = finishTime ?? .now()
        let finished = mutate("finish") { $0.finishTime = time }
        if finished {
            mockTracer.record(self)
        }
    }

    /// Applies `change` unless the span has finished, in which case it records `operation` as an error.
    @discardableResult
    private func mutate(_ operation: @autoclosure () -> String, _ change: (inout State) -> Void) -> Bool {
        state.withLock { state in
            guard state.finishTime == nil else {
                state.generatedErrors.append("\(operation()) called on finished span '\(state.operationName)'")
                return false
            }
            change(&state)
            return true
        }
    }
}

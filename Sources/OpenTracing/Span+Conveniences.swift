extension Span {
    /// Finishes the span now.
    public func finish() {
        finish(at: nil)
    }

    /// Records a structured log entry from a literal list of fields, keeping their order.
    ///
    /// ```swift
    /// span.log(["event": "cache miss", "key": "user:42"])
    /// ```
    public func log(_ fields: KeyValuePairs<String, TagValue>, timestamp: Timestamp? = nil) {
        log(fields: fields.map { LogField($0.key, $0.value) }, timestamp: timestamp)
    }

    /// Records a log entry that only names an event (the `event` field).
    public func log(event: String, timestamp: Timestamp? = nil) {
        log(fields: [LogField(LogFieldKey.event, .string(event))], timestamp: timestamp)
    }

    /// Tags the span as failed and logs `error` with the OpenTracing error convention
    /// (`event` = `error`, `error.object`, `error.kind`, `message`).
    public func recordError(_ error: any Error, timestamp: Timestamp? = nil) {
        setTag(SpanTag.error, true)
        log(
            fields: [
                LogField(LogFieldKey.event, "error"),
                LogField(LogFieldKey.errorObject, .error(error)),
                LogField(LogFieldKey.errorKind, .string(String(reflecting: type(of: error)))),
                LogField(LogFieldKey.message, .string(String(describing: error))),
            ],
            timestamp: timestamp
        )
    }
}

public import OpenTracing

/// A log entry of a ``RecordedSpan``.
public struct RecordedLog: Sendable, Equatable {
    /// When the entry was logged.
    public var timestamp: Timestamp
    /// The fields, in the order they were logged.
    public var fields: [LogField]

    /// Creates a log record.
    public init(timestamp: Timestamp, fields: [LogField]) {
        self.timestamp = timestamp
        self.fields = fields
    }

    /// The value of the first field named `key`.
    public subscript(key: String) -> TagValue? {
        fields.first { $0.key == key }?.value
    }
}

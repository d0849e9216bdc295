/// One key/value pair of a structured log entry.
public struct LogField: Sendable, Equatable {
    /// The field's key; see ``LogFieldKey`` for the standard ones.
    public var key: String
    /// The field's value.
    public var value: TagValue

    /// Creates a field.
    public init(_ key: String, _ value: TagValue) {
        self.key = key
        self.value = value
    }
}

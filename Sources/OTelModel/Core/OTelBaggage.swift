/// Immutable name/value pairs propagated with a trace, each with optional opaque metadata.
///
/// Names and values are case-sensitive and a name has one value. Mutations return a copy.
/// [OpenTelemetry Specification: Baggage API](https://opentelemetry.io/docs/specs/otel/baggage/api/)
public struct OTelBaggage: Sendable, Hashable {
    /// One baggage entry.
    public struct Entry: Sendable, Hashable {
        /// The name.
        public let name: String
        /// The value.
        public let value: String
        /// Opaque metadata (the W3C properties after `;`), if any.
        public let metadata: String?

        /// Creates an entry.
        public init(name: String, value: String, metadata: String? = nil) {
            self.name = name
            self.value = value
            self.metadata = metadata
        }
    }

    /// The entries in insertion order.
    public private(set) var entries: [Entry]

    /// Creates empty baggage.
    public init() {
        entries = []
    }

    /// Creates baggage from entries; a repeated name keeps its last value.
    public init(_ entries: some Sequence<Entry>) {
        self.entries = []
        for entry in entries { self = setting(entry) }
    }

    /// The value for `name`, or `nil`.
    public subscript(name: String) -> String? {
        entry(named: name)?.value
    }

    /// The entry for `name`, or `nil`.
    public func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The number of entries.
    public var count: Int { entries.count }

    /// A copy with `name` set to `value` (replacing any previous value and metadata).
    public func setting(name: String, value: String, metadata: String? = nil) -> OTelBaggage {
        setting(Entry(name: name, value: value, metadata: metadata))
    }

    /// A copy with `entry` set (replacing any entry of the same name, in place).
    public func setting(_ entry: Entry) -> OTelBaggage {
        var copy = self
        if let position = copy.entries.firstIndex(where: { $0.name == entry.name }) {
            copy.entries[position] = entry
        } else {
            copy.entries.append(entry)
        }
        return copy
    }

    /// A copy without `name`.
    public func removing(name: String) -> OTelBaggage {
        var copy = self
        copy.entries.removeAll { $0.name == name }
        return copy
    }
}

extension OTelBaggage: Sequence {
    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }
}

/// An ordered list of header fields for propagation, which may repeat a name.
///
/// Names are lowercased once, when added, so lookups compare bytes directly. Use it to wrap HTTP headers or
/// any key/value list for ``OTelTextMapPropagator/extract(from:into:)`` and as an injection target.
public struct OTelHeaderFields: Sendable, Hashable {
    /// One field: its lowercased name and its value.
    public struct Field: Sendable, Hashable {
        /// The name, lowercased.
        public let name: String
        /// The value.
        public let value: String
    }

    /// The fields in order.
    public private(set) var fields: [Field]

    /// Creates an empty list.
    public init() {
        fields = []
    }

    /// Creates a list from name/value pairs, keeping their order and repetitions.
    public init(_ pairs: some Sequence<(String, String)>) {
        fields = pairs.map { Field(name: $0.0.lowercased(), value: $0.1) }
    }

    /// Appends a field, keeping any earlier field of the same name.
    public mutating func append(_ value: String, forField name: String) {
        fields.append(Field(name: name.lowercased(), value: value))
    }

    /// The first value of `name` (any case), or `nil`.
    public subscript(name: String) -> String? {
        firstValue(forField: name.lowercased())
    }
}

extension OTelHeaderFields: ExpressibleByDictionaryLiteral {
    /// Creates a list from the literal's pairs, in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }
}

extension OTelHeaderFields: OTelTextMapReader {
    public func forEachField(_ body: (_ name: String, _ value: String) -> Void) {
        for field in fields { body(field.name, field.value) }
    }

    public func firstValue(forField name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    public func combinedValue(forField name: String) -> String? {
        var result: String?
        for field in fields where field.name == name {
            if let previous = result {
                result = previous + "," + field.value
            } else {
                result = field.value
            }
        }
        return result
    }
}

extension OTelHeaderFields: OTelTextMapWriter {
    /// Replaces every field named `name` (any case) by one field with `value`.
    public mutating func set(_ value: String, forField name: String) {
        let lowercased = name.lowercased()
        fields.removeAll { $0.name == lowercased }
        fields.append(Field(name: lowercased, value: value))
    }
}

/// An insertion-ordered collection of attributes with unique keys, enforcing count and value-length limits.
///
/// Setting an existing key overwrites its value in place, even at the count limit. A new key beyond the count
/// limit is dropped and counted in ``droppedCount``. String values (and each element of a string array) longer
/// than the length limit are truncated. An empty key is ignored: the spec requires a non-empty key.
///
/// Spans usually carry a handful of attributes, so lookups scan a small array; a hash index is built only
/// once a collection grows past 16 entries.
///
/// [OpenTelemetry Specification: Attribute](https://opentelemetry.io/docs/specs/otel/common/#attribute),
/// [Attribute Limits](https://opentelemetry.io/docs/specs/otel/common/#attribute-limits)
public struct OTelAttributes: Sendable {
    /// One attribute.
    public typealias Element = (key: String, value: OTelAttributeValue)

    /// One stored attribute (``withEntries(_:)`` lends them to encoders without copying).
    @usableFromInline package struct Entry: Sendable {
        package var key: String
        package var value: OTelAttributeValue
    }

    /// Above this many entries, a key → position index replaces the linear scan.
    static let indexThreshold = 16
    /// The capacity reserved by the first insertion.
    static let initialCapacity = 8

    @usableFromInline package private(set) var entries: [Entry]
    private var index: [String: Int]?

    /// The number of attributes dropped because the count limit was reached.
    public private(set) var droppedCount: Int

    /// The limits this collection enforces.
    public let limits: OTelAttributeLimits

    /// Creates an empty collection enforcing `limits` (by default none).
    public init(limits: OTelAttributeLimits = .unlimited) {
        entries = []
        index = nil
        droppedCount = 0
        self.limits = limits
    }

    /// The value for `key`; setting `nil` removes the attribute.
    public subscript(key: String) -> OTelAttributeValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return entries[position].value
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Sets `key` to `value`, enforcing the limits.
    ///
    /// An existing key is overwritten in place. A new key is appended if the count limit allows it, and
    /// otherwise dropped and counted. An empty key is ignored.
    public mutating func updateValue(_ value: OTelAttributeValue, forKey key: String) {
        guard !key.isEmpty else { return }
        let limited = limits.valueLengthLimit.map { value.truncated(toLength: $0) } ?? value
        if let position = position(of: key) {
            entries[position].value = limited
            return
        }
        guard entries.count < limits.countLimit else {
            droppedCount += 1
            return
        }
        // Growing 1 → 2 → 4 → 8 would allocate four times for a typical span.
        if entries.capacity == 0 { entries.reserveCapacity(Swift.min(Self.initialCapacity, limits.countLimit)) }
        entries.append(Entry(key: key, value: limited))
        if index != nil {
            index?[key] = entries.count - 1
        } else if entries.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// Removes the attribute for `key`, if any.
    ///
    /// - Returns: the removed value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> OTelAttributeValue? {
        guard let position = position(of: key) else { return nil }
        let removed = entries.remove(at: position).value
        if index != nil { rebuildIndex() }
        return removed
    }

    /// Sets every attribute of `other` (its values win), enforcing this collection's limits.
    ///
    /// Attributes `other` had already dropped count as dropped here too.
    public mutating func merge(_ other: OTelAttributes) {
        droppedCount += other.droppedCount
        for entry in other.entries {
            updateValue(entry.value, forKey: entry.key)
        }
    }

    /// Reserves room for `capacity` attributes.
    public mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(Swift.min(capacity, limits.countLimit))
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.indexThreshold else {
            index = nil
            return
        }
        var newIndex = [String: Int](minimumCapacity: entries.count * 2)
        for (position, entry) in entries.enumerated() { newIndex[entry.key] = position }
        index = newIndex
    }
}

extension OTelAttributes: RandomAccessCollection {
    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }

    public subscript(position: Int) -> Element {
        let entry = entries[position]
        return (entry.key, entry.value)
    }
}

extension OTelAttributes: ExpressibleByDictionaryLiteral {
    /// Creates an unlimited collection; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, OTelAttributeValue)...) {
        self.init()
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { updateValue(value, forKey: key) }
    }
}

extension OTelAttributes: Equatable {
    /// Equal when both hold the same key/value pairs, in any order, and the same dropped count.
    public static func == (lhs: OTelAttributes, rhs: OTelAttributes) -> Bool {
        guard lhs.count == rhs.count, lhs.droppedCount == rhs.droppedCount else { return false }
        return lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }
}

extension OTelAttributes: CustomStringConvertible {
    /// `[key: value, …]` in insertion order.
    public var description: String {
        "[" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}

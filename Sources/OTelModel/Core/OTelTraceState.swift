/// W3C `tracestate`: an ordered list of vendor key/value pairs, immutable, with at most 32 entries.
///
/// Mutations return a copy; a set entry moves to the front (the most recent vendor first), and adding a 33rd
/// entry drops the right-most one. Keys and values that break the W3C grammar are refused (the copy is unchanged).
///
/// [W3C Trace Context: tracestate](https://www.w3.org/TR/trace-context-2/#tracestate-header),
/// [OpenTelemetry Specification: TraceState](https://opentelemetry.io/docs/specs/otel/trace/api/#tracestate)
public struct OTelTraceState: Sendable, Hashable {
    /// One `key=value` list member.
    public struct Entry: Sendable, Hashable {
        /// The vendor key.
        public let key: String
        /// The opaque vendor value.
        public let value: String
    }

    /// The maximum number of list members.
    public static let maximumEntryCount = 32

    /// The entries, left-most (most recent) first.
    public private(set) var entries: [Entry]

    /// Creates an empty trace state.
    public init() {
        entries = []
    }

    /// Parses a (combined) `tracestate` header value.
    ///
    /// Empty and whitespace-only list members are skipped and optional whitespace around members is trimmed.
    ///
    /// - Returns: `nil` if any member is malformed, a key repeats, or there are more than 32 members; as OTel
    ///   Java and Go do, the whole header is then discarded rather than passed on partially.
    public init?(header: some StringProtocol) {
        var entries: [Entry] = []
        for member in Substring(header).utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let trimmed = member.trimmingOptionalWhitespace()
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let key = trimmed[trimmed.startIndex..<equals]
            let value = trimmed[trimmed.index(after: equals)...]
            guard Self.isValidKey(key), Self.isValidValue(value), entries.count < Self.maximumEntryCount else {
                return nil
            }
            let keyString = String(decoding: key, as: UTF8.self)
            guard !entries.contains(where: { $0.key == keyString }) else { return nil }
            entries.append(Entry(key: keyString, value: String(decoding: value, as: UTF8.self)))
        }
        self.entries = entries
    }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The number of entries.
    public var count: Int { entries.count }

    /// The value for `key`, or `nil`.
    public subscript(key: String) -> String? {
        entries.first { $0.key == key }?.value
    }

    /// A copy with `key` set to `value` and moved to the front.
    ///
    /// If `key` is new and there are already 32 entries, the right-most entry is dropped.
    /// - Returns: the copy, or this trace state unchanged if the key or value is not valid W3C syntax.
    public func setting(key: String, value: String) -> OTelTraceState {
        guard Self.isValidKey(key.utf8), Self.isValidValue(value.utf8) else { return self }
        var copy = self
        copy.entries.removeAll { $0.key == key }
        if copy.entries.count >= Self.maximumEntryCount {
            copy.entries.removeLast(copy.entries.count - Self.maximumEntryCount + 1)
        }
        copy.entries.insert(Entry(key: key, value: value), at: 0)
        return copy
    }

    /// A copy without `key`.
    public func removing(key: String) -> OTelTraceState {
        var copy = self
        copy.entries.removeAll { $0.key == key }
        return copy
    }

    /// The `tracestate` header value: `key1=value1,key2=value2`, or `""` when empty.
    public var header: String {
        var result = ""
        for (index, entry) in entries.enumerated() {
            if index > 0 { result.append(",") }
            result.append(entry.key)
            result.append("=")
            result.append(entry.value)
        }
        return result
    }

    /// Whether `key` is a simple key or a multi-tenant `tenant@system` key.
    ///
    /// Simple key: `(lcalpha / DIGIT) 0*255(keychar)` (Level 2 allows a leading digit). Multi-tenant:
    /// tenant `(lcalpha / DIGIT) 0*240(keychar)`, `@`, system `lcalpha 0*13(keychar)`, where keychar is
    /// `lcalpha / DIGIT / "_" / "-" / "*" / "/"`.
    static func isValidKey(_ key: some Collection<UInt8>) -> Bool {
        guard let at = key.firstIndex(of: UInt8(ascii: "@")) else {
            return isValidKeyPart(key, maximumLength: 256, allowsLeadingDigit: true)
        }
        return isValidKeyPart(key[key.startIndex..<at], maximumLength: 241, allowsLeadingDigit: true)
            && isValidKeyPart(key[key.index(after: at)...], maximumLength: 14, allowsLeadingDigit: false)
    }

    private static func isValidKeyPart(
        _ part: some Collection<UInt8>,
        maximumLength: Int,
        allowsLeadingDigit: Bool
    ) -> Bool {
        guard let first = part.first, part.count <= maximumLength,
            first.isLowercaseASCIILetter || (allowsLeadingDigit && first.isASCIIDigit)
        else { return false }
        return part.allSatisfy { byte in
            byte.isLowercaseASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "/")
        }
    }

    /// Whether `value` is 1–256 printable ASCII characters other than `,` and `=`, not ending in a space.
    static func isValidValue(_ value: some Collection<UInt8>) -> Bool {
        var count = 0
        var last: UInt8 = 0
        for byte in value {
            guard byte >= 0x20, byte <= 0x7E, byte != UInt8(ascii: ","), byte != UInt8(ascii: "=") else { return false }
            count += 1
            last = byte
        }
        return count >= 1 && count <= 256 && last != 0x20
    }
}

extension OTelTraceState: CustomStringConvertible {
    /// The header value.
    public var description: String { header }
}

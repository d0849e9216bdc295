/// A carrier that propagators read fields from, such as HTTP request headers.
///
/// Field names match ASCII case-insensitively, as HTTP requires. Conformers implement ``forEachField(_:)``;
/// the lookups have default implementations that scan it, which carriers may replace with faster ones.
///
/// [OpenTelemetry Specification: TextMap Propagator, Getter](https://opentelemetry.io/docs/specs/otel/context/api-propagators/#getter-argument)
public protocol OTelTextMapReader {
    /// Calls `body` with every field, its name as the carrier stores it.
    func forEachField(_ body: (_ name: String, _ value: String) -> Void)

    /// The first value of the field `name` (given in lowercase), matched case-insensitively, or `nil`.
    func firstValue(forField name: String) -> String?

    /// All values of the field `name` (given in lowercase), matched case-insensitively, joined with `,` in
    /// order (combining repeated header fields as RFC 9110 §5.3 does), or `nil` if there are none.
    func combinedValue(forField name: String) -> String?
}

/// A carrier that propagators write fields into.
///
/// [OpenTelemetry Specification: TextMap Propagator, Setter](https://opentelemetry.io/docs/specs/otel/context/api-propagators/#setter-argument)
public protocol OTelTextMapWriter {
    /// Sets the field `name` (lowercase) to `value`, replacing any previous value.
    mutating func set(_ value: String, forField name: String)
}

extension OTelTextMapReader {
    public func firstValue(forField name: String) -> String? {
        var result: String?
        forEachField { fieldName, value in
            if result == nil, fieldName.equalsLowercaseASCII(name) { result = value }
        }
        return result
    }

    public func combinedValue(forField name: String) -> String? {
        var result: String?
        forEachField { fieldName, value in
            guard fieldName.equalsLowercaseASCII(name) else { return }
            if let previous = result {
                result = previous + "," + value
            } else {
                result = value
            }
        }
        return result
    }
}

extension Dictionary: OTelTextMapReader where Key == String, Value == String {
    public func forEachField(_ body: (_ name: String, _ value: String) -> Void) {
        for (name, value) in self { body(name, value) }
    }

    public func firstValue(forField name: String) -> String? {
        self[name] ?? first { $0.key.equalsLowercaseASCII(name) }?.value
    }

    /// A dictionary holds one value per key, so this is ``firstValue(forField:)``.
    public func combinedValue(forField name: String) -> String? {
        firstValue(forField: name)
    }
}

extension Dictionary: OTelTextMapWriter where Key == String, Value == String {
    public mutating func set(_ value: String, forField name: String) {
        self[name] = value
    }
}

extension String {
    /// Whether this string equals `lowercase` (which must be lowercase ASCII), ignoring ASCII case.
    func equalsLowercaseASCII(_ lowercase: String) -> Bool {
        guard utf8.count == lowercase.utf8.count else { return false }
        return zip(utf8, lowercase.utf8).allSatisfy { $0.asciiLowercased == $1 }
    }

    /// Whether this string starts with `lowercasePrefix` (lowercase ASCII), ignoring ASCII case.
    func hasLowercaseASCIIPrefix(_ lowercasePrefix: String) -> Bool {
        guard utf8.count >= lowercasePrefix.utf8.count else { return false }
        return zip(utf8, lowercasePrefix.utf8).allSatisfy { $0.asciiLowercased == $1 }
    }
}

extension UInt8 {
    var asciiLowercased: UInt8 {
        self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self
    }
}

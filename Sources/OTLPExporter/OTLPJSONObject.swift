internal import Foundation

/// A JSON object from `JSONSerialization`, read with OTLP/JSON's rules (compat-spec.md §2.1 HTTP-4):
/// each accessor returns the proto3 default for an absent or `null` member and throws
/// ``OTLPDecodingError/malformed(message:)``, naming the member's path, for a wrong type.
///
/// Used by ``OTLPDecodedRequest/init(json:)`` only.
struct OTLPJSONObject {
    private let members: [String: Any]
    let path: String
    /// Message nesting depth, checked against ``OTLPNestingDepthCheck/limit`` like the protobuf decoder.
    let depth: Int

    init(_ value: Any, path: String, depth: Int) throws(OTLPDecodingError) {
        guard depth <= OTLPNestingDepthCheck.limit else {
            throw .nestingTooDeep(limit: OTLPNestingDepthCheck.limit)
        }
        guard let members = value as? [String: Any] else {
            throw .malformed(message: "\(path) is not a JSON object")
        }
        self.members = members
        self.path = path
        self.depth = depth
    }

    /// A nested message at `path` below this one.
    func child(_ value: Any, _ name: String) throws(OTLPDecodingError) -> OTLPJSONObject {
        try OTLPJSONObject(value, path: "\(path).\(name)", depth: depth + 1)
    }

    /// The member named `key` (lowerCamelCase) or its snake_case original; `nil` when absent or `null`.
    private func value(_ key: String) -> Any? {
        let found = members[key] ?? members[Self.snakeCase(key)]
        return found is NSNull ? nil : found
    }

    private func fail(_ key: String, _ expected: String) -> OTLPDecodingError {
        .malformed(message: "\(path).\(key) is not \(expected)")
    }

    // MARK: - Scalars

    func string(_ key: String) throws(OTLPDecodingError) -> String {
        guard let value = value(key) else { return "" }
        guard let string = value as? String else { throw fail(key, "a string") }
        return string
    }

    func strings(_ key: String) throws(OTLPDecodingError) -> [String] {
        var result: [String] = []
        for element in try array(key) {
            guard let string = element as? String else { throw fail(key, "an array of strings") }
            result.append(string)
        }
        return result
    }

    func uint32(_ key: String) throws(OTLPDecodingError) -> UInt32 {
        guard let value = value(key) else { return 0 }
        guard let number = Self.integer(value, as: UInt32.self) else { throw fail(key, "a uint32") }
        return number
    }

    func uint64(_ key: String) throws(OTLPDecodingError) -> UInt64 {
        guard let value = value(key) else { return 0 }
        guard let number = Self.integer(value, as: UInt64.self) else {
            throw fail(key, "a uint64 (number or decimal string)")
        }
        return number
    }

    /// An enum: an integer (number or string) or one of `names` (index = value).
    func enumValue(_ key: String, names: [String]) throws(OTLPDecodingError) -> Int32 {
        guard let value = value(key) else { return 0 }
        if let name = value as? String, let index = names.firstIndex(of: name) {
            return Int32(index)
        }
        guard let number = Self.integer(value, as: Int32.self) else {
            throw fail(key, "an enum value (integer or one of \(names.joined(separator: ", ")))")
        }
        return number
    }

    /// Trace and span ids: hex, either case (not base64).
    func hexBytes(_ key: String) throws(OTLPDecodingError) -> [UInt8] {
        guard let value = value(key) else { return [] }
        guard let hex = value as? String, let bytes = Self.decodeHex(hex) else { throw fail(key, "a hex string") }
        return bytes
    }

    // MARK: - Structure

    func array(_ key: String) throws(OTLPDecodingError) -> [Any] {
        guard let value = value(key) else { return [] }
        guard let array = value as? [Any] else { throw fail(key, "an array") }
        return array
    }

    func object(_ key: String) throws(OTLPDecodingError) -> OTLPJSONObject? {
        guard let value = value(key) else { return nil }
        return try child(value, key)
    }

    // MARK: - Attributes

    func attributes(_ key: String) throws(OTLPDecodingError) -> [OTLPKeyValue] {
        var result: [OTLPKeyValue] = []
        for (index, element) in try array(key).enumerated() {
            let pair = try child(element, "\(key)[\(index)]")
            result.append(
                OTLPKeyValue(
                    key: try pair.string("key"),
                    value: try pair.object("value")?.anyValue() ?? .empty
                ))
        }
        return result
    }

    /// This object as an `AnyValue`: its one member of the oneof, or `.empty` when none is set.
    func anyValue() throws(OTLPDecodingError) -> OTLPAnyValue {
        if let value = value("stringValue") {
            guard let string = value as? String else { throw fail("stringValue", "a string") }
            return .string(string)
        }
        if let value = value("boolValue") {
            guard let bool = Self.bool(value) else { throw fail("boolValue", "a boolean") }
            return .bool(bool)
        }
        if let value = value("intValue") {
            guard let int = Self.integer(value, as: Int64.self) else {
                throw fail("intValue", "an int64 (number or decimal string)")
            }
            return .int(int)
        }
        if let value = value("doubleValue") {
            guard let double = Self.double(value) else { throw fail("doubleValue", "a number") }
            return .double(double)
        }
        if let array = try object("arrayValue") {
            var values: [OTLPAnyValue] = []
            for (index, element) in try array.array("values").enumerated() {
                values.append(try array.child(element, "values[\(index)]").anyValue())
            }
            return .array(values)
        }
        if let list = try object("kvlistValue") {
            return .keyValueList(try list.attributes("values"))
        }
        if let value = value("bytesValue") {
            guard let base64 = value as? String, let bytes = Self.decodeBase64(base64) else {
                throw fail("bytesValue", "base64")
            }
            return .bytes(bytes)
        }
        if let value = value("stringValueStrindex") {
            guard let index = Self.integer(value, as: Int32.self) else { throw fail("stringValueStrindex", "an int32") }
            return .stringIndex(index)
        }
        return .empty
    }

    // MARK: - Conversions

    static let spanKindNames = [
        "SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER",
        "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER",
    ]
    static let statusCodeNames = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"]

    /// `droppedAttributesCount` → `dropped_attributes_count`.
    static func snakeCase(_ key: String) -> String {
        var result = ""
        result.reserveCapacity(key.utf8.count + 4)
        for character in key {
            if character.isUppercase {
                result.append("_")
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Whether `value` is a JSON `true`/`false` (and not a number, which Foundation also bridges to Bool).
    private static func isBoolean(_ number: NSNumber) -> Bool {
        let type = String(cString: number.objCType)
        return type == "c" || type == "B"
    }

    private static func bool(_ value: Any) -> Bool? {
        guard let number = value as? NSNumber, isBoolean(number) else { return nil }
        return number.boolValue
    }

    /// An integer from a JSON number with no fractional part or from a decimal string.
    static func integer<Integer: FixedWidthInteger>(_ value: Any, as _: Integer.Type) -> Integer? {
        if let string = value as? String {
            return Integer(string, radix: 10)
        }
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        switch String(cString: number.objCType) {
        case "d", "f":
            let double = number.doubleValue
            guard double.rounded() == double else { return nil }
            return Integer(exactly: double)
        case "Q":
            return Integer(exactly: number.uint64Value)
        default:
            return Integer(exactly: number.int64Value)
        }
    }

    private static func double(_ value: Any) -> Double? {
        if let string = value as? String {
            switch string {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: return Double(string)
            }
        }
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        return number.doubleValue
    }

    static func decodeHex(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Standard or URL-safe base64, with or without padding (as proto3 JSON parsers accept).
    private static func decodeBase64(_ text: String) -> [UInt8]? {
        var normalized = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        let remainder = normalized.utf8.count % 4
        if remainder == 2 || remainder == 3 {
            normalized.append(String(repeating: "=", count: 4 - remainder))
        }
        return Data(base64Encoded: normalized).map { Array($0) }
    }
}

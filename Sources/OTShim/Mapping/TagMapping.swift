import OTelModel
import OpenTracing

/// How OpenTracing tag and log values become OpenTelemetry attribute values, and what the `error` and `span.kind`
/// tags mean.
enum TagMapping {
    /// The attribute value of a tag or log field (OT-38): strings, booleans, signed integers and doubles keep their
    /// type; an unsigned value keeps it up to `Int64.max` and is a decimal string above; errors and other values
    /// become their description (OTel attributes cannot hold them; OT-38 says "converted to a string").
    @inline(__always)
    static func attributeValue(_ value: TagValue) -> OTelAttributeValue {
        switch value {
        case .string(let string): .string(string)
        case .bool(let bool): .bool(bool)
        case .int(let int): .int(int)
        case .double(let double): .double(double)
        case .uint(let uint): uint <= UInt64(Int64.max) ? .int(Int64(uint)) : .string(String(uint))
        case .error(let error): .string(String(describing: error))
        case .describing(let described): .string(described.description)
        }
    }

    /// Whether `key` is the `error` tag. The length is compared first: most keys differ in length, and keys longer
    /// than 15 bytes would otherwise take the string comparison's slow path.
    ///
    /// Sound although `String` equality is canonical equivalence: no Unicode character decomposes to any of the
    /// ASCII characters of `error` or `span.kind` (checked against the Unicode database), so a key equal to either
    /// has exactly its bytes. This does not hold for keys in general (`é` and `e` + U+0301 are equal).
    @inline(__always)
    static func isErrorTag(_ key: String) -> Bool {
        key.utf8.count == 5 && key == SpanTag.error
    }

    /// Whether `key` is the `span.kind` tag (length first, as in ``isErrorTag(_:)``).
    @inline(__always)
    static func isSpanKindTag(_ key: String) -> Bool {
        key.utf8.count == 9 && key == SpanTag.spanKind
    }

    /// The status the `error` tag asks for (OT-39): `true` or `"true"` (any case) → error, `false` or `"false"`
    /// → ok; `nil` for any other value, which stays an attribute instead (nothing is lost).
    static func status(ofErrorTag value: TagValue) -> OTelSpanStatus? {
        switch value {
        case .bool(let flag):
            return flag ? .error() : .ok
        case .string(let text):
            if text.equalsIgnoringASCIICase("true") { return .error() }
            if text.equalsIgnoringASCIICase("false") { return .ok }
            return nil
        default:
            return nil
        }
    }

    /// The span kind a `span.kind` tag names: `client`, `server`, `producer` or `consumer` in any case; `nil`
    /// otherwise.
    static func spanKind(ofSpanKindTag value: TagValue) -> OTelSpanKind? {
        guard case .string(let text) = value else { return nil }
        switch text.utf8.count {
        case 6:
            if text.equalsIgnoringASCIICase("client") { return .client }
            if text.equalsIgnoringASCIICase("server") { return .server }
        case 8:
            if text.equalsIgnoringASCIICase("producer") { return .producer }
            if text.equalsIgnoringASCIICase("consumer") { return .consumer }
        default:
            break
        }
        return nil
    }
}

extension String {
    /// Whether this string equals `lowercase` (lowercase ASCII), ignoring ASCII case, without allocating.
    func equalsIgnoringASCIICase(_ lowercase: String) -> Bool {
        guard utf8.count == lowercase.utf8.count else { return false }
        for (byte, expected) in zip(utf8, lowercase.utf8) {
            let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if folded != expected { return false }
        }
        return true
    }
}

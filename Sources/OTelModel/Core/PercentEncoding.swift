/// Percent-encoding (RFC 3986 §2.1) as used by W3C baggage, `OTEL_RESOURCE_ATTRIBUTES` and Jaeger headers.
enum PercentEncoding {
    /// Decodes `%XX` escapes (either hex case).
    ///
    /// - Parameters:
    ///   - plusAsSpace: decode `+` as a space (HTML form / URL query encoding, which Jaeger clients use).
    ///   - repairingUTF8: replace invalid UTF-8 with U+FFFD (W3C baggage) instead of failing.
    /// - Returns: `nil` for a `%` not followed by two hex digits, or for invalid UTF-8 unless repairing.
    static func decode(_ text: some Collection<UInt8>, plusAsSpace: Bool = false, repairingUTF8: Bool = false)
        -> String?
    {
        guard text.contains(where: { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }) else {
            return validatedString(text, repairing: repairingUTF8)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var iterator = text.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap({ Hex.value(of: $0, lowercaseOnly: false) }),
                    let low = iterator.next().flatMap({ Hex.value(of: $0, lowercaseOnly: false) })
                else { return nil }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        return validatedString(bytes, repairing: repairingUTF8)
    }

    private static func validatedString(_ bytes: some Collection<UInt8>, repairing: Bool) -> String? {
        if repairing { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Percent-encodes every byte of `text`'s UTF-8 for which `isAllowed` is false, with uppercase hex.
    static func encode(_ text: String, allowing isAllowed: (UInt8) -> Bool) -> String {
        let utf8 = text.utf8
        guard !utf8.allSatisfy(isAllowed) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        for byte in utf8 {
            if isAllowed(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3986 unreserved characters: letters, digits, `-`, `.`, `_`, `~`.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}

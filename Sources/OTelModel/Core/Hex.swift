/// Hexadecimal encoding and decoding of fixed-size byte buffers, without intermediate allocations.
enum Hex {
    private static let lowercaseDigits: StaticString = "0123456789abcdef"

    /// The value of one ASCII hex digit, or `nil` if `character` is not one.
    ///
    /// - Parameter lowercaseOnly: reject `A`–`F` (W3C trace context allows only lowercase hex).
    @inline(__always)
    static func value(of character: UInt8, lowercaseOnly: Bool) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F") where !lowercaseOnly: character &- UInt8(ascii: "A") &+ 10
        default: nil
        }
    }

    /// Decodes hex digits into `buffer`, right-aligned and zero-padded on the left.
    ///
    /// - Parameters:
    ///   - digits: ASCII hex digits.
    ///   - buffer: the destination; every byte is written.
    ///   - lowercaseOnly: reject uppercase digits.
    ///   - allowShorter: accept fewer than `2 * buffer.count` digits (left-padding with zeros);
    ///     otherwise the digit count must match exactly.
    /// - Returns: `false` if a character is not a hex digit, there are no digits, or too many.
    static func decode(
        _ digits: some Collection<UInt8>,
        into buffer: UnsafeMutableRawBufferPointer,
        lowercaseOnly: Bool,
        allowShorter: Bool
    ) -> Bool {
        let digitCount = digits.count
        let capacity = buffer.count &* 2
        guard digitCount > 0, digitCount <= capacity, allowShorter || digitCount == capacity else { return false }
        for index in buffer.indices { buffer[index] = 0 }
        var nibbleIndex = capacity &- digitCount
        for character in digits {
            guard let nibble = value(of: character, lowercaseOnly: lowercaseOnly) else { return false }
            let byteIndex = nibbleIndex >> 1
            if nibbleIndex & 1 == 0 {
                buffer[byteIndex] = nibble << 4
            } else {
                buffer[byteIndex] |= nibble
            }
            nibbleIndex &+= 1
        }
        return true
    }

    /// Lowercase hex of `bytes`.
    static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count &* 2) { output in
            write(bytes, into: output, at: 0)
        }
    }

    /// Writes the lowercase hex of `bytes` into `output` from `position`, which must leave room for it.
    ///
    /// - Returns: the position after the last digit written.
    @discardableResult
    static func write(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>, at position: Int)
        -> Int
    {
        precondition(position >= 0 && position &+ bytes.count &* 2 <= output.count, "hex output buffer too small")
        return lowercaseDigits.withUTF8Buffer { table in
            var position = position
            for byte in bytes {
                output[position] = table[Int(byte >> 4)]
                output[position &+ 1] = table[Int(byte & 0x0F)]
                position &+= 2
            }
            return position
        }
    }

    /// Lowercase hex of `bytes` without leading zero digits (at least one digit), as Jaeger writes ids.
    static func encodeTrimmingLeadingZeros(_ bytes: UnsafeRawBufferPointer) -> String {
        let full = encode(bytes)
        let trimmed = full.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}

/// A writer of OTLP/JSON (`http/json`) into a reusable byte buffer, front to back.
///
/// OTLP/JSON is the proto3 JSON mapping with OTLP's deviations (compat-spec.md §2.1 HTTP-4):
/// keys are lowerCamelCase field names; trace and span ids are hex strings (lowercase here) instead
/// of base64; enums are integers; 64-bit integers are decimal strings; other `bytes` are base64;
/// non-finite doubles are the strings `"NaN"`, `"Infinity"`, `"-Infinity"`. Fields at their proto3
/// default are omitted, as the mapping does by default; oneof members never are.
///
/// Commas are handled by the writer: a member or element after another gets one.
package struct OTLPJSONWriter: ~Copyable, @unchecked Sendable {
    // Unsafe access is confined to the capacity-checked append primitives below; noncopyable, so
    // the buffer has one owner (which is also why sending it elsewhere is safe).
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    /// The number of bytes written.
    package private(set) var count = 0
    private var needsComma = false

    package init(initialCapacity: Int = 16 * 1024) {
        capacity = max(initialCapacity, 64)
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// Forgets what was written, keeping the buffer.
    package mutating func reset() {
        count = 0
        needsComma = false
    }

    /// Lends the written JSON, valid only inside `body`.
    package func withWrittenBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    /// A copy of the written JSON.
    package var writtenBytes: [UInt8] {
        withWrittenBytes { Array($0) }
    }

    // MARK: - Append primitives (the only unsafe code)

    @inline(__always)
    private mutating func reserve(_ byteCount: Int) {
        if capacity - count < byteCount {
            grow(toFit: byteCount)
        }
    }

    @inline(never)
    private mutating func grow(toFit byteCount: Int) {
        var newCapacity = capacity * 2
        while newCapacity - count < byteCount {
            newCapacity *= 2
        }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newStorage.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        storage.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    @inline(__always)
    private mutating func append(_ byte1: UInt8, _ byte2: UInt8) {
        reserve(2)
        storage.storeBytes(of: byte1, toByteOffset: count, as: UInt8.self)
        storage.storeBytes(of: byte2, toByteOffset: count + 1, as: UInt8.self)
        count += 2
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `value` in decimal, without allocating; two digits per step (timestamps have 19).
    @inline(__always)
    private mutating func appendDecimal(_ value: UInt64, negative: Bool) {
        // log10 from the bit length (1233 / 4096 ≈ log10 2), then one comparison to settle it.
        let estimate = ((64 - (value | 1).leadingZeroBitCount) &* 1233) >> 12
        let digits = max(1, value >= Self.powersOfTen[estimate] ? estimate + 1 : estimate)
        let total = digits + (negative ? 1 : 0)
        reserve(total)
        let destination = storage + count
        if negative {
            destination.storeBytes(of: UInt8(ascii: "-"), as: UInt8.self)
        }
        Self.digitPairs.withUnsafeBufferPointer { pairs in
            var end = total
            var rest = value
            while rest >= 100 {
                let pair = Int(truncatingIfNeeded: rest % 100) &* 2
                rest /= 100
                end -= 2
                destination.storeBytes(of: pairs[pair], toByteOffset: end, as: UInt8.self)
                destination.storeBytes(of: pairs[pair + 1], toByteOffset: end + 1, as: UInt8.self)
            }
            if rest >= 10 {
                let pair = Int(truncatingIfNeeded: rest) &* 2
                destination.storeBytes(of: pairs[pair], toByteOffset: end - 2, as: UInt8.self)
                destination.storeBytes(of: pairs[pair + 1], toByteOffset: end - 1, as: UInt8.self)
            } else {
                destination.storeBytes(of: UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest), toByteOffset: end - 1, as: UInt8.self)
            }
        }
        count += total
    }

    /// 10⁰ … 10¹⁹: a number below `powersOfTen[n]` has at most `n` digits.
    private static let powersOfTen: [UInt64] = (0..<20).map { exponent in
        (0..<exponent).reduce(1) { power, _ in power * 10 }
    }

    private static let lowercaseHexDigits: StaticString = "0123456789abcdef"

    /// "00", "01", … "99", as 200 ASCII bytes.
    private static let digitPairs: [UInt8] = (0..<100).flatMap { [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)] }

    /// Appends JSON text verbatim: the caller guarantees it is valid where it goes (no separator is added).
    @inline(__always)
    package mutating func appendVerbatim(_ literal: StaticString) {
        append(literal)
    }

    /// Appends UTF-8 verbatim, inside a string the caller opened: it must need no escape (``needsEscape(_:)``).
    @inline(__always)
    package mutating func appendVerbatim(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(utf8))
    }

    /// Whether `utf8` holds a byte that a JSON string must escape.
    @inline(__always)
    package static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= utf8.count {
            if mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return true }
            index += 8
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    /// Appends UTF-8 with JSON escapes. Text rarely needs one, so runs are scanned eight bytes at a time.
    @inline(__always)
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0
        var index = 0
        while index < utf8.count {
            if index + 8 <= utf8.count, !Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                append(UnsafeRawBufferPointer(start: raw + runStart, count: index - runStart))
                appendEscape(byte)
                runStart = index + 1
            }
            index += 1
        }
        append(UnsafeRawBufferPointer(start: raw + runStart, count: utf8.count - runStart))
    }

    /// Whether any of the 8 bytes of `word` is a control character, a quote or a backslash (exact; a `true` is
    /// then checked byte by byte).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        // A byte below 0x20 borrows into its high bit when 0x20 is subtracted; a zero byte when 1 is.
        let belowSpace = (word &- ones &* 0x20) & ~word
        let isQuote = (quotes &- ones) & ~quotes
        let isBackslash = (backslashes &- ones) & ~backslashes
        return (belowSpace | isQuote | isBackslash) & highBits != 0
    }

    @inline(never)
    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append(UInt8(ascii: "\\"), UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): append(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
        case 0x0A: append(UInt8(ascii: "\\"), UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "\\"), UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "\\"), UInt8(ascii: "t"))
        case 0x08: append(UInt8(ascii: "\\"), UInt8(ascii: "b"))
        case 0x0C: append(UInt8(ascii: "\\"), UInt8(ascii: "f"))
        default:
            append("\\u00")
            append(Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0F))
        }
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }

    // MARK: - Structure

    @inline(__always)
    private mutating func separate() {
        if needsComma {
            append(UInt8(ascii: ","))
        }
    }

    @inline(__always)
    package mutating func beginObject() {
        separate()
        append(UInt8(ascii: "{"))
        needsComma = false
    }

    @inline(__always)
    package mutating func endObject() {
        append(UInt8(ascii: "}"))
        needsComma = true
    }

    @inline(__always)
    package mutating func beginArray() {
        separate()
        append(UInt8(ascii: "["))
        needsComma = false
    }

    @inline(__always)
    package mutating func endArray() {
        append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"key":`; keys are the schema's lowerCamelCase names, which need no escaping.
    @inline(__always)
    package mutating func key(_ key: StaticString) {
        separate()
        let length = key.utf8CodeUnitCount
        reserve(length + 3)
        let destination = storage + count
        destination.storeBytes(of: UInt8(ascii: "\""), as: UInt8.self)
        key.withUTF8Buffer { utf8 in
            UnsafeMutableRawBufferPointer(start: destination + 1, count: length).copyMemory(from: UnsafeRawBufferPointer(utf8))
        }
        destination.storeBytes(of: UInt8(ascii: "\""), toByteOffset: 1 + length, as: UInt8.self)
        destination.storeBytes(of: UInt8(ascii: ":"), toByteOffset: 2 + length, as: UInt8.self)
        count += length + 3
        needsComma = false
    }

    /// Writes `"key":{ … }`.
    @inline(__always)
    package mutating func object(_ key: StaticString, _ body: (inout OTLPJSONWriter) -> Void) {
        self.key(key)
        beginObject()
        body(&self)
        endObject()
    }

    /// Writes `"key":[ … ]` when `elements` writes at least one element, and nothing otherwise
    /// (an empty repeated field is a default value).
    @inline(__always)
    package mutating func array(_ key: StaticString, _ elements: (inout OTLPJSONWriter) -> Void) {
        let rollback = (count: count, needsComma: needsComma)
        self.key(key)
        beginArray()
        let empty = count
        elements(&self)
        if count == empty {
            count = rollback.count
            needsComma = rollback.needsComma
        } else {
            endArray()
        }
    }

    // MARK: - Values

    /// A JSON string: `"`, `\\` and control characters escaped (U+0000 as `\\u0000`); everything
    /// else as UTF-8. Swift strings hold only Unicode scalars, so no lone surrogate can be written.
    @inline(__always)
    package mutating func string(_ value: String) {
        separate()
        append(UInt8(ascii: "\""))
        let handled: Void? = value.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if handled == nil {
            Array(value.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    package mutating func bool(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
        needsComma = true
    }

    /// A 32-bit integer (uint32, int32, fixed32, enum) as a JSON number.
    package mutating func number(_ value: some FixedWidthInteger) {
        separate()
        appendDecimal(UInt64(truncatingIfNeeded: value.magnitude), negative: value < 0)
        needsComma = true
    }

    /// A 64-bit integer (int64, uint64, fixed64) as a decimal JSON string.
    package mutating func quotedNumber(_ value: some FixedWidthInteger) {
        separate()
        append(UInt8(ascii: "\""))
        appendDecimal(UInt64(truncatingIfNeeded: value.magnitude), negative: value < 0)
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A double as a JSON number (shortest round-trip form, `-0.0` kept), or one of the strings
    /// `"NaN"`, `"Infinity"`, `"-Infinity"`.
    package mutating func double(_ value: Double) {
        if value.isNaN {
            string("NaN")
        } else if value.isInfinite {
            string(value < 0 ? "-Infinity" : "Infinity")
        } else {
            separate()
            var text = value.description
            text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
            needsComma = true
        }
    }

    /// Bytes as a lowercase hex string: OTLP/JSON's form for trace and span ids.
    package mutating func hex(_ value: some OTLPBytesRepresentable) {
        separate()
        append(UInt8(ascii: "\""))
        value.withOTLPBytes { raw in
            reserve(raw.count * 2)
            // A local destination: stores through `storage` could otherwise alias `self`, forcing reloads per byte.
            let destination = storage + count
            let digits = Self.lowercaseHexDigits.utf8Start
            for offset in 0..<raw.count {
                let byte = Int(raw.load(fromByteOffset: offset, as: UInt8.self))
                destination.storeBytes(of: digits[byte >> 4], toByteOffset: 2 * offset, as: UInt8.self)
                destination.storeBytes(of: digits[byte & 0x0F], toByteOffset: 2 * offset + 1, as: UInt8.self)
            }
            count += raw.count * 2
        }
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Bytes as a standard base64 string with padding: proto3 JSON's form for `bytes`.
    package mutating func base64(_ value: some OTLPBytesRepresentable) {
        separate()
        append(UInt8(ascii: "\""))
        value.withOTLPBytes { raw in
            var index = 0
            while index + 3 <= raw.count {
                let group = UInt32(raw[index]) << 16 | UInt32(raw[index + 1]) << 8 | UInt32(raw[index + 2])
                appendBase64(group, significant: 4)
                index += 3
            }
            switch raw.count - index {
            case 1:
                appendBase64(UInt32(raw[index]) << 16, significant: 2)
            case 2:
                appendBase64(UInt32(raw[index]) << 16 | UInt32(raw[index + 1]) << 8, significant: 3)
            default:
                break
            }
        }
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Appends the four base64 characters of a 24-bit group, `=` after the significant ones.
    private mutating func appendBase64(_ group: UInt32, significant: Int) {
        for position in 0..<4 {
            if position < significant {
                append(Self.base64Digit(UInt8(truncatingIfNeeded: group >> (18 - 6 * UInt32(position))) & 0x3F))
            } else {
                append(UInt8(ascii: "="))
            }
        }
    }

    @inline(__always)
    private static func base64Digit(_ sextet: UInt8) -> UInt8 {
        switch sextet {
        case 0..<26: UInt8(ascii: "A") + sextet
        case 26..<52: UInt8(ascii: "a") + sextet - 26
        case 52..<62: UInt8(ascii: "0") + sextet - 52
        case 62: UInt8(ascii: "+")
        default: UInt8(ascii: "/")
        }
    }
}

/// A writer of OTLP/JSON (`http/json`) into a reusable byte buffer, front to back.
///
/// OTLP/JSON is the proto3 JSON mapping with OTLP's deviations (compat-spec.md §2.1 HTTP-4):
/// keys are lowerCamelCase field names; trace and span ids are hex strings (lowercase here) instead
/// of base64; enums are integers; 64-bit integers are decimal strings; other `bytes` are base64;
/// non-finite doubles are the strings `"NaN"`, `"Infinity"`, `"-Infinity"`. Fields at their proto3
/// default are omitted, as the mapping does by default; oneof members never are.
///
/// Commas are handled by the writer: a member or element after another gets one.
package struct OTLPJSONWriter {
    /// The JSON written so far.
    package private(set) var bytes: [UInt8]
    private var needsComma = false

    package init(initialCapacity: Int = 16 * 1024) {
        bytes = []
        bytes.reserveCapacity(initialCapacity)
    }

    /// Forgets what was written, keeping the buffer.
    package mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    // MARK: - Structure

    @inline(__always)
    private mutating func separate() {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
    }

    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"key":`; keys are the schema's lowerCamelCase names, which need no escaping.
    package mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes `"key":{ … }`.
    package mutating func object(_ key: StaticString, _ body: (inout OTLPJSONWriter) -> Void) {
        self.key(key)
        beginObject()
        body(&self)
        endObject()
    }

    /// Writes `"key":[ … ]` when `elements` writes at least one element, and nothing otherwise
    /// (an empty repeated field is a default value).
    package mutating func array(_ key: StaticString, _ elements: (inout OTLPJSONWriter) -> Void) {
        let rollback = (count: bytes.count, needsComma: needsComma)
        self.key(key)
        beginArray()
        let empty = bytes.count
        elements(&self)
        if bytes.count == empty {
            bytes.removeSubrange(rollback.count...)
            needsComma = rollback.needsComma
        } else {
            endArray()
        }
    }

    // MARK: - Values

    /// A JSON string: `"`, `\` and control characters escaped (U+0000 as `\u0000`); everything
    /// else as UTF-8. Swift strings hold only Unicode scalars, so no lone surrogate can be written.
    package mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        let handled: Void? = value.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if handled == nil {
            appendEscaped(Array(value.utf8))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func appendEscaped(_ utf8: some RandomAccessCollection<UInt8>) {
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index = utf8.index(after: index)
                continue
            }
            bytes.append(contentsOf: utf8[runStart..<index])
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            default:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
            index = utf8.index(after: index)
            runStart = index
        }
        bytes.append(contentsOf: utf8[runStart..<utf8.endIndex])
    }

    package mutating func bool(_ value: Bool) {
        separate()
        let literal: StaticString = value ? "true" : "false"
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    /// A 32-bit integer (uint32, int32, fixed32, enum) as a JSON number.
    package mutating func number(_ value: some BinaryInteger & CustomStringConvertible) {
        separate()
        bytes.append(contentsOf: value.description.utf8)
        needsComma = true
    }

    /// A 64-bit integer (int64, uint64, fixed64) as a decimal JSON string.
    package mutating func quotedNumber(_ value: some BinaryInteger & CustomStringConvertible) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: value.description.utf8)
        bytes.append(UInt8(ascii: "\""))
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
            bytes.append(contentsOf: value.description.utf8)
            needsComma = true
        }
    }

    /// Bytes as a lowercase hex string: OTLP/JSON's form for trace and span ids.
    package mutating func hex(_ value: some OTLPBytesRepresentable) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        value.withOTLPBytes { raw in
            for byte in raw {
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Bytes as a standard base64 string with padding: proto3 JSON's form for `bytes`.
    package mutating func base64(_ value: some OTLPBytesRepresentable) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        value.withOTLPBytes { raw in
            var index = 0
            while index + 3 <= raw.count {
                let chunk = UInt32(raw[index]) << 16 | UInt32(raw[index + 1]) << 8 | UInt32(raw[index + 2])
                appendBase64(chunk, significant: 4)
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
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Appends the four base64 characters of a 24-bit group, `=` after the significant ones.
    private mutating func appendBase64(_ group: UInt32, significant: Int) {
        for position in 0..<4 {
            if position < significant {
                bytes.append(Self.base64Alphabet[Int((group >> (18 - 6 * UInt32(position))) & 0x3F)])
            } else {
                bytes.append(UInt8(ascii: "="))
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let base64Alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
}

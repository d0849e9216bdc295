package import OTelModel

// Nearly every attribute is a plain key with a scalar value and nothing to escape: its KeyValue object is written
// as fixed text around the raw bytes, without the general path's nested objects and escape scanning per piece.

extension OTLPJSONWriter {
    /// Writes one attribute as a `KeyValue` object when its key (and a string value) need no escape and its value is
    /// a string, int or bool; the text is that of ``writeKeyValue(key:value:)``. Returns `false`, having written
    /// nothing, otherwise.
    @inline(__always)
    package mutating func writeCompactKeyValue(key: String, value: OTelAttributeValue) -> Bool {
        guard !key.isEmpty else { return false }
        let written: Bool? = key.utf8.withContiguousStorageIfAvailable { key in
            guard !Self.needsEscape(key) else { return false }
            switch value {
            case .string(let string):
                return string.utf8.withContiguousStorageIfAvailable { string in
                    guard !Self.needsEscape(string) else { return false }
                    beginObject()
                    appendVerbatim(#""key":""#)
                    appendVerbatim(key)
                    appendVerbatim(#"","value":{"stringValue":""#)
                    appendVerbatim(string)
                    appendVerbatim(#""}"#)
                    endObject()
                    return true
                } ?? false
            case .int(let int):
                beginObject()
                appendVerbatim(#""key":""#)
                appendVerbatim(key)
                appendVerbatim(#"","value":{"intValue":"#)
                quotedNumber(int)
                endObject()
                endObject()
                return true
            case .bool(let bool):
                beginObject()
                appendVerbatim(#""key":""#)
                appendVerbatim(key)
                appendVerbatim(bool ? #"","value":{"boolValue":true}"# : #"","value":{"boolValue":false}"#)
                endObject()
                return true
            case .double, .stringArray, .boolArray, .intArray, .doubleArray:
                return false
            }
        }
        return written ?? false
    }
}

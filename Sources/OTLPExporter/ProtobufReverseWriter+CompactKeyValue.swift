package import OTelModel

// Nearly every attribute is a short key with a scalar value: its whole `KeyValue` fits in a size known up front, so
// it is written with one reservation instead of eight checked primitive writes (four tags, four lengths).

extension ProtobufReverseWriter {
    /// Writes one attribute as a `KeyValue` (repeated field `field`), in a single reservation, when its value is a
    /// scalar (string, int, bool, double) and every length prefix in it takes one byte; the bytes are those of
    /// ``writeKeyValue(field:key:value:)``. Returns `false`, having written nothing, otherwise.
    @inline(__always)
    package mutating func writeCompactKeyValue(field: UInt32, key: String, value: OTelAttributeValue) -> Bool {
        guard field < 16, !key.isEmpty else { return false }
        let written: Bool? = key.utf8.withContiguousStorageIfAvailable { key in
            switch value {
            case .string(let string):
                return string.utf8.withContiguousStorageIfAvailable { string in
                    guard string.count < 0x80 else { return false }
                    return writeCompactKeyValue(field: field, key: key, anyValueByteCount: 2 + string.count) { body in
                        body.storeBytes(of: Self.tag(OTLPField.AnyValue.stringValue, .lengthDelimited), as: UInt8.self)
                        body.storeBytes(of: UInt8(truncatingIfNeeded: string.count), toByteOffset: 1, as: UInt8.self)
                        UnsafeMutableRawBufferPointer(start: body + 2, count: string.count)
                            .copyMemory(from: UnsafeRawBufferPointer(string))
                    }
                } ?? false
            case .int(let int):
                let varint = UInt64(bitPattern: int)
                return writeCompactKeyValue(field: field, key: key, anyValueByteCount: 1 + Self.varintSize(varint)) {
                    $0.storeBytes(of: Self.tag(OTLPField.AnyValue.intValue, .varint), as: UInt8.self)
                    Self.storeVarint(varint, at: $0 + 1)
                }
            case .bool(let bool):
                return writeCompactKeyValue(field: field, key: key, anyValueByteCount: 2) {
                    $0.storeBytes(of: Self.tag(OTLPField.AnyValue.boolValue, .varint), as: UInt8.self)
                    $0.storeBytes(of: bool ? 1 : 0, toByteOffset: 1, as: UInt8.self)
                }
            case .double(let double):
                return writeCompactKeyValue(field: field, key: key, anyValueByteCount: 9) {
                    $0.storeBytes(of: Self.tag(OTLPField.AnyValue.doubleValue, .fixed64), as: UInt8.self)
                    $0.storeBytes(of: double.bitPattern.littleEndian, toByteOffset: 1, as: UInt64.self)
                }
            case .stringArray, .boolArray, .intArray, .doubleArray:
                return false
            }
        }
        return written ?? false
    }

    /// Writes `tag length [key: tag length bytes] [value: tag length AnyValue]`, the AnyValue body (`anyValueByteCount`
    /// bytes) by `writeAnyValue`; `false`, having written nothing, if the body's length needs two bytes.
    @inline(__always)
    private mutating func writeCompactKeyValue(
        field: UInt32,
        key: UnsafeBufferPointer<UInt8>,
        anyValueByteCount: Int,
        _ writeAnyValue: (UnsafeMutableRawPointer) -> Void
    ) -> Bool {
        let bodyByteCount = 2 + key.count + 2 + anyValueByteCount
        guard bodyByteCount < 0x80 else { return false }
        writeReserved(byteCount: 2 + bodyByteCount) { pair in
            pair.storeBytes(of: Self.tag(field, .lengthDelimited), as: UInt8.self)
            pair.storeBytes(of: UInt8(truncatingIfNeeded: bodyByteCount), toByteOffset: 1, as: UInt8.self)
            pair.storeBytes(of: Self.tag(OTLPField.KeyValue.key, .lengthDelimited), toByteOffset: 2, as: UInt8.self)
            pair.storeBytes(of: UInt8(truncatingIfNeeded: key.count), toByteOffset: 3, as: UInt8.self)
            UnsafeMutableRawBufferPointer(start: pair + 4, count: key.count).copyMemory(from: UnsafeRawBufferPointer(key))
            let value = pair + 4 + key.count
            value.storeBytes(of: Self.tag(OTLPField.KeyValue.value, .lengthDelimited), as: UInt8.self)
            value.storeBytes(of: UInt8(truncatingIfNeeded: anyValueByteCount), toByteOffset: 1, as: UInt8.self)
            writeAnyValue(value + 2)
        }
        return true
    }

    /// A field tag of one byte (fields 1–15).
    @inline(__always)
    static func tag(_ field: UInt32, _ wireType: ProtobufWireType) -> UInt8 {
        UInt8(truncatingIfNeeded: field << 3 | wireType.rawValue)
    }
}

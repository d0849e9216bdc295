import OTLPExporter
import OTelModel
import Testing

/// The one-reservation `KeyValue` writer must produce exactly the bytes of the general one, and step aside (write
/// nothing) wherever a length prefix would need a second byte or the value is an array.
@Suite("Protobuf compact attribute KeyValue")
struct ProtobufCompactKeyValueTests {
    /// The general path: nested messages, one checked primitive at a time.
    private func general(field: UInt32, key: String, value: OTelAttributeValue) -> [UInt8] {
        var writer = ProtobufReverseWriter(initialCapacity: 16)
        writer.writeKeyValue(field: field, key: key, value: value)
        return writer.writtenBytes
    }

    /// The compact path, or `nil` when it declines.
    private func compact(field: UInt32, key: String, value: OTelAttributeValue) -> [UInt8]? {
        var writer = ProtobufReverseWriter(initialCapacity: 16)
        writer.writeVarint(0x2A)  // something already written, which the reservation must keep
        guard writer.writeCompactKeyValue(field: field, key: key, value: value) else {
            #expect(writer.writtenBytes == [0x2A], "declined, but wrote")
            return nil
        }
        let bytes = writer.writtenBytes
        #expect(bytes.last == 0x2A)
        return Array(bytes.dropLast())
    }

    @Test("scalars of every kind: the compact bytes are the general bytes")
    func scalars() throws {
        let values: [OTelAttributeValue] = [
            .string(""), .string("GET"), .string("é🧵\u{0}"), .int(0), .int(1), .int(127), .int(128), .int(-1), .int(.min),
            .int(.max), .bool(false), .bool(true), .double(0), .double(-0.0), .double(.nan), .double(-.infinity),
            .double(1.5),
        ]
        for field: UInt32 in [1, 3, 4, 9, 15] {
            for key in ["k", "http.status_code", "ключ"] {
                for value in values {
                    let bytes = try #require(compact(field: field, key: key, value: value), "\(field) \(key) \(value)")
                    #expect(bytes == general(field: field, key: key, value: value), "\(field) \(key) \(value)")
                }
            }
        }
    }

    @Test("around the one-byte length limit: compact up to a 127-byte body, declined from 128; arrays and fields above 15 declined")
    func limits() {
        // Body = key (2 + k) + value (2 + AnyValue), AnyValue of a string = 2 + v: 127 bytes when k + v = 121.
        for keyLength in [1, 60, 119] {
            for valueLength in [121 - keyLength - 1, 121 - keyLength, 121 - keyLength + 1, 126, 127, 128, 300] {
                let key = String(repeating: "k", count: keyLength)
                let value = OTelAttributeValue.string(String(repeating: "v", count: valueLength))
                let bytes = compact(field: 9, key: key, value: value)
                #expect((bytes != nil) == (keyLength + valueLength <= 121), "key \(keyLength), value \(valueLength)")
                if let bytes {
                    #expect(bytes == general(field: 9, key: key, value: value))
                }
            }
        }
        #expect(compact(field: 9, key: String(repeating: "k", count: 200), value: .int(1)) == nil)
        #expect(compact(field: 9, key: "a", value: .stringArray(["x"])) == nil)
        #expect(compact(field: 9, key: "a", value: .intArray([])) == nil)
        #expect(compact(field: 16, key: "a", value: .int(1)) == nil)
        #expect(compact(field: 9, key: "", value: .int(1)) == nil)
    }

    @Test("a collection written through the compact path equals its entries written one by one, arrays included")
    func collection() {
        let attributes: OTelAttributes = [
            "http.method": "GET", "http.url": .string(String(repeating: "/a", count: 100)), "n": 7, "ok": true,
            "ratio": 0.25, "list": .intArray([1, 2]),
        ]
        var compactWriter = ProtobufReverseWriter(initialCapacity: 16)
        compactWriter.writeAttributes(field: 9, attributes)
        var generalWriter = ProtobufReverseWriter(initialCapacity: 16)
        for (key, value) in attributes.reversed() {
            generalWriter.writeKeyValue(field: 9, key: key, value: value)
        }
        #expect(compactWriter.writtenBytes == generalWriter.writtenBytes)
    }
}

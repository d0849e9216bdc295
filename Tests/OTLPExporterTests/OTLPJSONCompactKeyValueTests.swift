import OTLPExporter
import OTelModel
import Testing

/// The fixed-text `KeyValue` writer must produce exactly the JSON of the general one, and step aside (write nothing)
/// for anything needing an escape or another value type.
@Suite("OTLP/JSON compact attribute KeyValue")
struct OTLPJSONCompactKeyValueTests {
    /// Two attributes in an array, so that the separator between elements is covered too.
    private func general(_ pairs: [(String, OTelAttributeValue)]) -> [UInt8] {
        var writer = OTLPJSONWriter(initialCapacity: 8)
        writer.beginArray()
        for (key, value) in pairs { writer.writeKeyValue(key: key, value: value) }
        writer.endArray()
        return writer.writtenBytes
    }

    private func compact(_ pairs: [(String, OTelAttributeValue)]) -> [UInt8]? {
        var writer = OTLPJSONWriter(initialCapacity: 8)
        writer.beginArray()
        for (key, value) in pairs {
            let before = writer.writtenBytes
            guard writer.writeCompactKeyValue(key: key, value: value) else {
                #expect(writer.writtenBytes == before, "declined, but wrote")
                return nil
            }
        }
        writer.endArray()
        return writer.writtenBytes
    }

    @Test("strings, ints and bools without escapes: the compact JSON is the general JSON, commas included")
    func scalars() throws {
        let values: [OTelAttributeValue] = [
            .string(""), .string("GET"), .string("https://shop.example.com/api/v1/users/42/orders?page=2"),
            .string("é🧵 ünïcödé"), .int(0), .int(-1), .int(.min), .int(.max), .int(200), .bool(true), .bool(false),
        ]
        for key in ["k", "http.status_code", "ключ", String(repeating: "long.key.", count: 20)] {
            for value in values {
                let pairs = [(key, value), ("second", value)]
                let bytes = try #require(compact(pairs), "\(key) \(value)")
                #expect(bytes == general(pairs), "\(key) \(value)")
            }
        }
    }

    @Test("a key or string value needing an escape, an empty key, doubles and arrays are declined")
    func declined() {
        for (key, value) in [
            ("quo\"te", OTelAttributeValue.int(1)), ("back\\slash", .bool(true)), ("tab\t", .string("v")),
            ("k", .string("line\nbreak")), ("k", .string("twelve bytes\u{0}")), ("k", .string("a\"b")), ("", .int(1)),
            ("k", .double(1.5)), ("k", .stringArray(["a"])), ("k", .intArray([1])), ("k", .boolArray([])),
            ("k", .doubleArray([0])),
        ] {
            #expect(compact([(key, value)]) == nil, "\(key) \(value)")
        }
    }

    @Test("attributes written through the compact path equal the general path's, mixed with declined ones")
    func collection() {
        let attributes: OTelAttributes = [
            "http.method": "GET", "quote": "say \"hi\"", "n": 7, "ok": true, "ratio": 0.25, "list": .intArray([1, 2]),
        ]
        var compactWriter = OTLPJSONWriter(initialCapacity: 8)
        compactWriter.beginObject()
        compactWriter.writeAttributes(attributes)
        compactWriter.endObject()
        var generalWriter = OTLPJSONWriter(initialCapacity: 8)
        generalWriter.beginObject()
        generalWriter.writeAttributes(Array(attributes))
        generalWriter.endObject()
        #expect(compactWriter.writtenBytes == generalWriter.writtenBytes)
    }
}

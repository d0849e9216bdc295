import Foundation
import OTLPExporter
import Testing

@Suite("OTLP/JSON encoding (http/json)")
struct OTLPJSONEncodingTests {
    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @Test("every span field survives a JSON round trip, read back strictly")
    func everyField() throws {
        let batch = TestSpanBatch(spans: [TestSpanBatch.everyField, TestSpan()])
        let decoded = try OTLPJSONTestReader.request(batch.encodedJSON())
        #expect(decoded == batch.expectedDecoded)
    }

    @Test("ids are lowercase hex, enums integers, 64-bit integers strings, keys lowerCamelCase")
    func otlpJSONRules() throws {
        var span = TestSpan()
        span.parentSpanID = [0xAB, 0xCD, 0xEF, 0x01, 0x23, 0x45, 0x67, 0x89]
        span.kind = .client
        span.droppedAttributesCount = 2
        span.flags = 0x101
        span.statusCode = .error
        span.attributes = [OTLPKeyValue(key: "n", value: .int(-5))]
        let json = text(TestSpanBatch(spans: [span]).encodedJSON())
        #expect(json.contains(#""traceId":"4bf92f3577b34da6a3ce929d0e0e4736""#))
        #expect(json.contains(#""spanId":"00f067aa0ba902b7""#))
        #expect(json.contains(#""parentSpanId":"abcdef0123456789""#))
        #expect(json.contains(#""kind":3"#))
        #expect(json.contains(#""status":{"code":2}"#))
        #expect(json.contains(#""startTimeUnixNano":"1544712660000000000""#))
        #expect(json.contains(#""value":{"intValue":"-5"}"#))
        #expect(json.contains(#""droppedAttributesCount":2"#))
        #expect(json.contains(#""flags":257"#))
        #expect(!json.contains("_"))  // no snake_case key anywhere (no value here has one)
    }

    @Test("JSON strings escape quotes, backslashes and control characters; U+0000 is \\u0000; other text stays UTF-8")
    func escaping() throws {
        var writer = OTLPJSONWriter()
        let tricky = "q\"b\\s/\u{0}\u{1}\u{8}\u{C}\n\r\t\u{1F}\u{7F}é🧵\u{2028}"
        writer.string(tricky)
        #expect(text(writer.writtenBytes) == "\"q\\\"b\\\\s/\\u0000\\u0001\\b\\f\\n\\r\\t\\u001f\u{7F}é🧵\u{2028}\"")
        writer.reset()
        writer.beginArray()
        writer.string(tricky)
        writer.endArray()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(writer.writtenBytes)) as? [String])
        #expect(parsed.first.map { Array($0.unicodeScalars) } == Array(tricky.unicodeScalars))
    }

    @Test("a byte needing an escape is escaped at every position of an 8-byte word and of the tail; other bytes are copied")
    func escapingAtEveryPosition() {
        // The reference: the escape rules applied byte by byte.
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [UInt8(ascii: "\"")]
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): out += Array(#"\""#.utf8)
                case UInt8(ascii: "\\"): out += Array(#"\\"#.utf8)
                case 0x0A: out += Array(#"\n"#.utf8)
                case 0x0D: out += Array(#"\r"#.utf8)
                case 0x09: out += Array(#"\t"#.utf8)
                case 0x08: out += Array(#"\b"#.utf8)
                case 0x0C: out += Array(#"\f"#.utf8)
                case ..<0x20: out += Array(#"\u00"#.utf8) + Array(String(byte, radix: 16).leftPadded(to: 2).utf8)
                default: out.append(byte)
                }
            }
            return out + [UInt8(ascii: "\"")]
        }
        var writer = OTLPJSONWriter()
        let special: [UInt8] = Array(0..<0x20) + [UInt8(ascii: "\""), UInt8(ascii: "\\")]
        // Bytes next to the special ones in value (0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F) and UTF-8 continuation bytes
        // must not be escaped.
        let plain = Array("a !#[]\u{7F}é🧵xyz0123456789".utf8)
        for length in [1, 7, 8, 9, 16, 23] {
            for position in 0..<length {
                for byte in special {
                    var bytes = (0..<length).map { plain[$0 % plain.count] }
                    bytes[position] = byte
                    // Keep the UTF-8 valid: a replaced lead or continuation byte leaves stray bytes otherwise.
                    let text = String(decoding: bytes, as: UTF8.self)
                    writer.reset()
                    writer.string(text)
                    #expect(writer.writtenBytes == reference(Array(text.utf8)), "\(length) bytes, 0x\(String(byte, radix: 16)) at \(position)")
                }
            }
        }
    }

    @Test("integers are written in decimal at every digit-count boundary, signed and unsigned, quoted or not")
    func decimalBoundaries() {
        var writer = OTLPJSONWriter()
        var values: [UInt64] = [0, 1, 9, UInt64.max, UInt64.max - 1]
        var power: UInt64 = 10
        for _ in 1...19 {
            values += [power - 1, power, power + 1]
            if power <= UInt64.max / 10 { power *= 10 } else { break }
        }
        for value in values {
            writer.reset()
            writer.quotedNumber(value)
            #expect(String(decoding: writer.writtenBytes, as: UTF8.self) == "\"\(value)\"")
            if value <= UInt64(Int64.max) {
                writer.reset()
                writer.quotedNumber(-Int64(value))
                #expect(String(decoding: writer.writtenBytes, as: UTF8.self) == "\"\(-Int64(value))\"")
            }
        }
        for value in [Int64.min, Int64.max, Int64.min + 1] {
            writer.reset()
            writer.quotedNumber(value)
            #expect(String(decoding: writer.writtenBytes, as: UTF8.self) == "\"\(value)\"")
        }
        for value in [Int32.min, -1, 0, 7, 10, 99, 100, Int32.max] {
            writer.reset()
            writer.number(value)
            #expect(String(decoding: writer.writtenBytes, as: UTF8.self) == "\(value)")
        }
    }

    @Test("AnyValue defaults are emitted; doubles keep -0.0 and non-finite values are the proto3 JSON strings")
    func anyValues() throws {
        let values: [OTLPAnyValue] = [
            .int(0), .bool(false), .string(""), .double(-0.0), .double(.nan), .double(.infinity), .double(-.infinity),
            .double(1e-7), .double(12345.678), .bytes([]), .bytes([0xFB, 0xFF, 0x00, 0x41]), .empty,
            .array([.int(1), .array([])]), .keyValueList([OTLPKeyValue(key: "k", value: .bool(true))]),
        ]
        var writer = OTLPJSONWriter()
        writer.beginObject()
        writer.writeAttributes(values.enumerated().map { OTLPKeyValue(key: "v\($0.offset)", value: $0.element) })
        writer.endObject()
        let json = text(writer.writtenBytes)
        for fragment in [
            #"{"intValue":"0"}"#, #"{"boolValue":false}"#, #"{"stringValue":""}"#, #"{"doubleValue":-0.0}"#,
            #"{"doubleValue":"NaN"}"#, #"{"doubleValue":"Infinity"}"#, #"{"doubleValue":"-Infinity"}"#,
            #"{"bytesValue":""}"#, #"{"bytesValue":"+/8AQQ=="}"#, #""value":{}"#, #"{"arrayValue":{}}"#,
            #"{"kvlistValue":{"values":[{"key":"k","value":{"boolValue":true}}]}}"#,
        ] {
            #expect(json.contains(fragment), "missing \(fragment) in \(json)")
        }
        let root = try #require(try JSONSerialization.jsonObject(with: Data(writer.writtenBytes)) as? [String: Any])
        let decoded = try OTLPJSONTestReader.attributes(root["attributes"])
        #expect(decoded.map(\.value) == values)
    }

    @Test("the JSON buffer grows past its initial capacity and keeps every byte; reset reuses it")
    func growth() throws {
        let batch = TestSpanBatch(spans: Array(repeating: TestSpanBatch.everyField, count: 30))
        let small = batch.encodedJSON(initialCapacity: 1)
        #expect(small.count > 20_000)
        #expect(small == batch.encodedJSON(initialCapacity: 1 << 20))
        #expect(try OTLPJSONTestReader.request(small) == batch.expectedDecoded)
        var writer = OTLPJSONWriter(initialCapacity: 8)
        writer.string("first")
        writer.reset()
        writer.number(Int32.min)
        #expect(text(writer.writtenBytes) == "-2147483648")
        writer.reset()
        writer.quotedNumber(UInt64.max)
        #expect(text(writer.writtenBytes) == "\"18446744073709551615\"")
    }

    @Test("base64 pads to a multiple of four characters")
    func base64() {
        var writer = OTLPJSONWriter()
        for (input, expected) in [([UInt8](), ""), ([0x66], "Zg=="), ([0x66, 0x6F], "Zm8="), ([0x66, 0x6F, 0x6F], "Zm9v"), (Array("foobar".utf8), "Zm9vYmFy")] {
            writer.reset()
            writer.base64(input)
            #expect(text(writer.writtenBytes) == "\"\(expected)\"")
        }
    }

    @Test("an empty batch is {}; empty repeated fields are omitted")
    func emptyBatch() throws {
        #expect(text(TestSpanBatch(resources: []).encodedJSON()) == "{}")
        let json = text(TestSpanBatch(resources: [TestResource(attributes: [], scopes: [])]).encodedJSON())
        #expect(json == #"{"resourceSpans":[{"resource":{}}]}"#)
    }

    @Test("JSON responses: {} for success, partialSuccess with rejectedSpans as a string, rpc Status")
    func responses() {
        var writer = OTLPJSONWriter()
        writer.writeExportTraceServiceResponse(partialSuccess: nil)
        #expect(text(writer.writtenBytes) == "{}")
        writer.reset()
        writer.writeExportTraceServiceResponse(partialSuccess: (rejectedSpans: 3, errorMessage: "old"))
        #expect(text(writer.writtenBytes) == #"{"partialSuccess":{"rejectedSpans":"3","errorMessage":"old"}}"#)
        writer.reset()
        writer.writeRPCStatus(code: 3, message: "bad")
        #expect(text(writer.writtenBytes) == #"{"code":3,"message":"bad"}"#)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}

import Testing

@testable import OTelModel

/// Returns the given values in order, then repeats the last one.
struct ScriptedRandomNumberGenerator: RandomNumberGenerator {
    var values: [UInt64]
    var position = 0

    mutating func next() -> UInt64 {
        let value = values[min(position, values.count - 1)]
        position += 1
        return value
    }
}

@Suite("Trace and span ids")
struct IDTests {
    @Test("a trace id round-trips through lowercase hex")
    func traceIDHexRoundTrip() throws {
        let id = try #require(TraceID(hexString: "4bf92f3577b34da6a3ce929d0e0e4736"))
        #expect(id.hexString == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(id.description == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(id.bytes.0 == 0x4B && id.bytes.15 == 0x36)
        #expect(
            id.withUnsafeBytes { Array($0) } == [
                0x4B, 0xF9, 0x2F, 0x35, 0x77, 0xB3, 0x4D, 0xA6, 0xA3, 0xCE, 0x92, 0x9D, 0x0E, 0x0E, 0x47, 0x36,
            ]
        )
        #expect(id.isValid)
    }

    @Test("a span id round-trips through lowercase hex")
    func spanIDHexRoundTrip() throws {
        let id = try #require(SpanID(hexString: "00f067aa0ba902b7"))
        #expect(id.hexString == "00f067aa0ba902b7")
        #expect(id.withUnsafeBytes { Array($0) } == [0x00, 0xF0, 0x67, 0xAA, 0x0B, 0xA9, 0x02, 0xB7])
        #expect(id.isValid)
    }

    @Test("uppercase hex parses and prints lowercase")
    func uppercaseHex() throws {
        let traceID = try #require(TraceID(hexString: "4BF92F3577B34DA6A3CE929D0E0E4736"))
        #expect(traceID.hexString == "4bf92f3577b34da6a3ce929d0e0e4736")
        let spanID = try #require(SpanID(hexString: "00F067AA0BA902B7"[...]))
        #expect(spanID.hexString == "00f067aa0ba902b7")
    }

    @Test(
        "hex of the wrong length or with non-hex characters does not parse",
        arguments: [
            "", "4bf92f3577b34da6a3ce929d0e0e473", "4bf92f3577b34da6a3ce929d0e0e47360",
            "4bf92f3577b34da6a3ce929d0e0e473g",
            " 4bf92f3577b34da6a3ce929d0e0e473", "4bf92f3577b34da6-3ce929d0e0e4736", "４bf92f3577b34da6a3ce929d0e0e473",
        ]
    )
    func invalidTraceIDHex(_ text: String) {
        #expect(TraceID(hexString: text) == nil)
    }

    @Test(
        "span id hex of the wrong length or with non-hex characters does not parse",
        arguments: ["", "00f067aa0ba902b", "00f067aa0ba902b70", "00f067aa0ba902bx", "0xf067aa0ba902b7"]
    )
    func invalidSpanIDHex(_ text: String) {
        #expect(SpanID(hexString: text) == nil)
    }

    @Test("all-zero ids are invalid")
    func zeroIDsInvalid() throws {
        #expect(!TraceID.invalid.isValid)
        #expect(!SpanID.invalid.isValid)
        #expect(try #require(TraceID(hexString: String(repeating: "0", count: 32))) == .invalid)
        #expect(try #require(SpanID(hexString: String(repeating: "0", count: 16))) == .invalid)
        #expect(TraceID(bytes: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)).isValid)
        #expect(SpanID(bytes: (1, 0, 0, 0, 0, 0, 0, 0)).isValid)
    }

    @Test("random ids are never invalid: an all-zero draw is drawn again")
    func randomNeverInvalid() {
        var generator = ScriptedRandomNumberGenerator(values: [0, 0, 0, 7])
        #expect(TraceID.random(using: &generator).hexString == "00000000000000000000000000000007")
        var spanGenerator = ScriptedRandomNumberGenerator(values: [0, 0, 0x1234])
        #expect(SpanID.random(using: &spanGenerator).hexString == "0000000000001234")
    }

    @Test("short hex is left-padded with zeros where allowed")
    func leftPadding() throws {
        let traceID = try #require(TraceID(hexDigits: "abc".utf8, lowercaseOnly: true, allowShorter: true))
        #expect(traceID.hexString == "00000000000000000000000000000abc")
        let spanID = try #require(SpanID(hexDigits: "1".utf8, lowercaseOnly: true, allowShorter: true))
        #expect(spanID.hexString == "0000000000000001")
        #expect(TraceID(hexDigits: "ABC".utf8, lowercaseOnly: true, allowShorter: true) == nil)
        #expect(TraceID(hexDigits: "abc".utf8, lowercaseOnly: true, allowShorter: false) == nil)
    }

    @Test("ids are equal and hash alike exactly when their bytes are")
    func equality() throws {
        let a = try #require(TraceID(hexString: "0102030405060708090a0b0c0d0e0f10"))
        let b = TraceID(bytes: (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))
        let c = TraceID(bytes: (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17))
        #expect(a == b)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
        #expect(a.high == 0x0102_0304_0506_0708 && a.low == 0x090A_0B0C_0D0E_0F10)
    }
}

@Suite("Id generators")
struct IDGeneratorTests {
    @Test("the random generator yields valid, distinct ids on every thread")
    func randomGeneratorDistinct() async {
        let generator = OTelRandomIDGenerator()
        let batches = await withTaskGroup(of: [TraceID].self) { group in
            for _ in 0..<4 {
                group.addTask { (0..<500).map { _ in generator.nextTraceID() } }
            }
            return await group.reduce(into: [TraceID]()) { $0 += $1 }
        }
        #expect(batches.allSatisfy { $0.isValid })
        #expect(Set(batches).count == 2000)
        let spanIDs = (0..<1000).map { _ in generator.nextSpanID() }
        #expect(spanIDs.allSatisfy { $0.isValid })
        #expect(Set(spanIDs).count == 1000)
    }

    @Test("the incrementing generator counts trace and span ids separately from 1")
    func incrementingGenerator() {
        let generator = OTelIncrementingIDGenerator()
        #expect(generator.nextTraceID().hexString == "00000000000000000000000000000001")
        #expect(generator.nextTraceID().hexString == "00000000000000000000000000000002")
        #expect(generator.nextSpanID().hexString == "0000000000000001")
        #expect(generator.nextSpanID().hexString == "0000000000000002")
    }
}

import OTShim
import OTelModel
import OpenTracing
import Testing

@Suite("Binary format (beyond the spec)")
struct BinaryFormatTests {
    static let traceHex = "0af7651916cd43dd8448eb211c80319c"
    static let spanHex = "b7ad6b7169203331"

    /// A context extracted from W3C headers: known ids, flags, trace state and baggage.
    static func knownContext(_ fixture: ShimFixture, baggage: String = "k=v") throws -> any SpanContext {
        try #require(
            try fixture.tracer.extract(
                format: .httpHeaders,
                from: ["traceparent": "00-\(traceHex)-\(spanHex)-01", "tracestate": "a=b", "baggage": baggage]
            )
        )
    }

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    static func expectCorrupted(_ fixture: ShimFixture, _ bytes: [UInt8], _ comment: Comment) {
        do {
            _ = try fixture.tracer.extract(format: .binary, from: BinaryCarrier(bytes: bytes))
            Issue.record("expected spanContextCorrupted: \(comment)")
        } catch OpenTracingError.spanContextCorrupted(let reason) {
            #expect(reason.hasPrefix("binary: "), comment)
        } catch {
            Issue.record("unexpected error \(error): \(comment)")
        }
    }

    @Test("OT-22 binary inject writes exactly the documented version-1 layout")
    func exactLayout() throws {
        let fixture = ShimFixture()
        var carrier = BinaryCarrier(bytes: [0xFF])
        try fixture.tracer.inject(try Self.knownContext(fixture), format: .binary, into: &carrier)
        let expected =
            Self.bytes(hex: "01" + Self.traceHex + Self.spanHex + "01" + "00")
            + [0x00, 0x03] + Array("a=b".utf8)
            + [0x00, 0x01] + [0x00, 0x01] + Array("k".utf8) + [0x00, 0x01] + Array("v".utf8) + [0x00, 0x00]
        #expect(carrier.bytes == expected)
        #expect(BinarySpanContextFormat.version == 1)
    }

    @Test("binary round trip keeps ids, flags, trace state, baggage (with metadata and unicode)")
    func roundTrip() async throws {
        let fixture = ShimFixture()
        let extracted = try Self.knownContext(fixture, baggage: "k=v;prop=1,emoji=%F0%9F%A6%9E")
        let span = fixture.tracer.startSpan("server", childOf: extracted)
        span.setBaggageItem("added", "later")
        var carrier = BinaryCarrier()
        try fixture.tracer.inject(span.context, format: .binary, into: &carrier)
        let back = try #require(try fixture.tracer.extract(format: .binary, from: carrier))
        #expect(back.traceID == Self.traceHex)
        #expect(back.spanID == span.context.spanID)
        #expect(back.baggageItems == ["k": "v", "emoji": "🦞", "added": "later"])
        // A child of the decoded context continues the trace with the trace state and metadata.
        let child = fixture.tracer.startSpan("child", childOf: back)
        var headers: [String: String] = [:]
        try fixture.tracer.inject(child.context, format: .httpHeaders, into: &headers)
        #expect(headers["tracestate"] == "a=b")
        #expect(headers["baggage"]?.contains("k=v;prop=1") == true)
        child.finish()
        span.finish()
        let exported = try await fixture.exportedSpan(named: "child")
        #expect(exported.parentSpanID?.hexString == span.context.spanID)
        #expect(exported.parentIsRemote)
    }

    @Test("binary keeps the debug flag of B3 and Jaeger contexts")
    func debugFlag() throws {
        let fixture = ShimFixture(propagator: OTelB3Propagator())
        let debug = try #require(
            try fixture.tracer.extract(format: .httpHeaders, from: ["b3": "\(Self.traceHex)-\(Self.spanHex)-d"])
        )
        var carrier = BinaryCarrier()
        try fixture.tracer.inject(debug, format: .binary, into: &carrier)
        #expect(carrier.bytes[26] == 0x01)
        let back = try #require(try fixture.tracer.extract(format: .binary, from: carrier))
        var headers: [String: String] = [:]
        try fixture.tracer.inject(back, format: .httpHeaders, into: &headers)
        #expect(headers["b3"] == "\(Self.traceHex)-\(Self.spanHex)-d")
    }

    @Test("an empty binary carrier holds no context")
    func emptyCarrier() throws {
        #expect(try ShimFixture().tracer.extract(format: .binary, from: BinaryCarrier()) == nil)
    }

    @Test("every truncation of a valid encoding is spanContextCorrupted, never a crash")
    func truncations() throws {
        let fixture = ShimFixture()
        var carrier = BinaryCarrier()
        try fixture.tracer.inject(try Self.knownContext(fixture, baggage: "k=v;m,x=y"), format: .binary, into: &carrier)
        for length in 1..<carrier.bytes.count {
            Self.expectCorrupted(fixture, Array(carrier.bytes.prefix(length)), "truncated to \(length) bytes")
        }
    }

    @Test("unknown version, trailing bytes, bad UTF-8, bad trace state and oversized input are corrupted")
    func corruptInputs() throws {
        let fixture = ShimFixture()
        var carrier = BinaryCarrier()
        try fixture.tracer.inject(try Self.knownContext(fixture), format: .binary, into: &carrier)
        let valid = carrier.bytes
        var version2 = valid
        version2[0] = 2
        Self.expectCorrupted(fixture, version2, "version 2")
        Self.expectCorrupted(fixture, valid + [0], "a trailing byte")
        var badKey = valid
        let keyOffset = valid.count - 6  // "k", value length (2), "v", metadata length (2)
        #expect(badKey[keyOffset] == UInt8(ascii: "k"))
        badKey[keyOffset] = 0xFF
        Self.expectCorrupted(fixture, badKey, "a key that is not UTF-8")
        var badTraceState = valid
        badTraceState[29] = UInt8(ascii: "A")  // "A=b": uppercase keys are not W3C
        Self.expectCorrupted(fixture, badTraceState, "a malformed trace state")
        Self.expectCorrupted(
            fixture, [UInt8](repeating: 1, count: BinarySpanContextFormat.maximumByteCount + 1), "1 MiB + 1")
        let countTooLarge = Array(valid.prefix(34)) + [0xFF, 0xFF]
        Self.expectCorrupted(fixture, countTooLarge, "65535 entries announced, none present")
    }

    @Test("random and mutated inputs never crash: each gives a context, nil or spanContextCorrupted")
    func fuzz() throws {
        let fixture = ShimFixture()
        var carrier = BinaryCarrier()
        try fixture.tracer.inject(try Self.knownContext(fixture, baggage: "a=1,b=2;p"), format: .binary, into: &carrier)
        var random = SplitMix64(state: 42)
        var outcomes = (contexts: 0, corrupted: 0)
        for round in 0..<3_000 {
            var bytes: [UInt8]
            if round.isMultiple(of: 2) {
                bytes = (0..<Int.random(in: 0...80, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
                if !bytes.isEmpty { bytes[0] = 1 }
            } else {
                bytes = carrier.bytes
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            }
            do {
                if try fixture.tracer.extract(format: .binary, from: BinaryCarrier(bytes: bytes)) != nil {
                    outcomes.contexts += 1
                }
            } catch OpenTracingError.spanContextCorrupted {
                outcomes.corrupted += 1
            }
        }
        #expect(outcomes.contexts > 0)
        #expect(outcomes.corrupted > 0)
    }
}

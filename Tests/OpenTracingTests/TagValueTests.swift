import OpenTracing
import Testing

@Suite("TagValue")
struct TagValueTests {
    @Test("literals make the matching typed values")
    func literals() {
        let string: TagValue = "GET"
        let bool: TagValue = true
        let int: TagValue = 42
        let double: TagValue = 0.5
        #expect(string == .string("GET"))
        #expect(bool == .bool(true))
        #expect(int == .int(42))
        #expect(double == .double(0.5))
        let interpolated: TagValue = "status \(200)"
        #expect(interpolated == .string("status 200"))
    }

    @Test("integers of any width become .int, unsigned values above Int64.max become .uint")
    func binaryIntegers() {
        #expect(TagValue(UInt8(7)) == .int(7))
        #expect(TagValue(Int32(-3)) == .int(-3))
        #expect(TagValue(UInt64(Int64.max)) == .int(.max))
        #expect(TagValue(UInt64.max) == .uint(.max))
        #expect(TagValue(Float(1.5)) == .double(1.5))
    }

    @Test("stringValue renders every case")
    func stringValues() {
        struct Failure: Error, CustomStringConvertible {
            var description: String { "boom" }
        }
        #expect(TagValue.uint(.max).stringValue == "18446744073709551615")
        #expect(TagValue.bool(false).stringValue == "false")
        #expect(TagValue.error(Failure()).stringValue == "boom")
        #expect(TagValue.describing(12).stringValue == "12")
    }

    @Test("values of different cases are never equal")
    func equalityIsPerCase() {
        #expect(TagValue.int(1) != TagValue.uint(1))
        #expect(TagValue.int(1) != TagValue.double(1))
        #expect(TagValue.string("1") != TagValue.int(1))
    }
}

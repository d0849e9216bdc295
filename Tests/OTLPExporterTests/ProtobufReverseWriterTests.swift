import OTLPExporter
import Testing

@Suite("Protobuf reverse writer primitives")
struct ProtobufReverseWriterTests {
    @Test("varints are base-128, least significant group first")
    func varints() {
        var writer = ProtobufReverseWriter()
        writer.writeVarint(300)
        #expect(writer.writtenBytes == [0xAC, 0x02])
        writer.reset()
        writer.writeVarint(0)
        #expect(writer.writtenBytes == [0x00])
        writer.reset()
        writer.writeVarint(UInt64.max)
        #expect(writer.writtenBytes == Array(repeating: 0xFF, count: 9) + [0x01])
        for value: UInt64 in [0, 1, 127, 128, 16_383, 16_384, 1 << 35, 1 << 63] {
            writer.reset()
            writer.writeVarint(value)
            #expect(writer.count == ProtobufReverseWriter.varintSize(value))
        }
    }

    @Test("a negative int64 field is a 10-byte varint (two's complement, not zigzag)")
    func negativeInt64() {
        var writer = ProtobufReverseWriter()
        writer.writeInt64Field(3, -1)
        #expect(writer.writtenBytes == [0x18] + Array(repeating: 0xFF, count: 9) + [0x01])
        writer.reset()
        writer.writeInt32Field(3, -2)
        #expect(writer.writtenBytes == [0x18, 0xFE] + Array(repeating: 0xFF, count: 8) + [0x01])
    }

    @Test("fixed32 and fixed64 are little-endian; field 16 takes a two-byte tag")
    func fixedWidth() {
        var writer = ProtobufReverseWriter()
        writer.writeFixed32Field(16, 0x0000_0301)
        #expect(writer.writtenBytes == [0x85, 0x01, 0x01, 0x03, 0x00, 0x00])
        writer.reset()
        writer.writeFixed64Field(7, 0x0102_0304_0506_0708)
        #expect(writer.writtenBytes == [0x39, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01])
        writer.reset()
        writer.writeDoubleField(4, -0.0)
        #expect(writer.writtenBytes == [0x21, 0, 0, 0, 0, 0, 0, 0, 0x80])
    }

    @Test("fields written last-first read first-last, and a nested message gets its length prefix")
    func nesting() {
        var writer = ProtobufReverseWriter()
        writer.writeMessage(field: 2) { inner in
            inner.writeStringField(2, "hi")
            inner.writeVarintField(1, 150)
        }
        writer.writeStringField(1, "")
        #expect(writer.writtenBytes == [0x0A, 0x00, 0x12, 0x07, 0x08, 0x96, 0x01, 0x12, 0x02, 0x68, 0x69])
    }

    @Test("the buffer grows past its initial capacity and keeps every byte")
    func growth() {
        let batch = TestSpanBatch(spans: Array(repeating: TestSpanBatch.everyField, count: 50))
        let small = batch.encodedProtobuf(initialCapacity: 16)
        let large = batch.encodedProtobuf(initialCapacity: 1 << 20)
        #expect(small.count > 10_000)
        #expect(small == large)
    }

    @Test("reset keeps the buffer and starts an empty message")
    func reset() {
        var writer = ProtobufReverseWriter(initialCapacity: 64)
        TestSpanBatch(spans: [TestSpanBatch.everyField]).encode(into: &writer)
        let first = writer.writtenBytes
        writer.reset()
        #expect(writer.count == 0)
        TestSpanBatch(spans: [TestSpanBatch.everyField]).encode(into: &writer)
        #expect(writer.writtenBytes == first)
    }
}

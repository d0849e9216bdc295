/// An allocation-free protobuf writer that fills a reusable buffer from the end towards the start.
///
/// Writing back to front means a message's fields are written in reverse order, and a nested
/// message's body is written before its length prefix, so every length is known at the moment its
/// prefix is written: one pass, no size pre-computation, no back-patching (architecture.md measured
/// 236 ns/span for this design against 312–356 ns for the alternatives).
///
/// Rules for callers:
/// - Inside a message, write the fields from the highest field number to the lowest.
/// - Write the elements of a repeated field last-first, so they read first-last on the wire.
/// - Nest with ``writeMessage(field:_:)``; its body follows the same rules.
///
/// Unsafe memory access is confined to the `store` primitives below; each one reserves capacity
/// first, and the buffer grows (copying what is written to the end of the new one) when needed.
/// ``writeReserved(byteCount:_:)`` lends exactly the bytes it reserved to callers that know a whole
/// field's size up front (ids, a span's kind and times, short attributes), so they pay one
/// reservation instead of one per primitive.
///
/// Noncopyable, so the buffer has exactly one owner; that is also why sending it to another
/// isolation domain is safe (`@unchecked Sendable`).
package struct ProtobufReverseWriter: ~Copyable, @unchecked Sendable {
    /// The storage; written bytes occupy `[start, capacity)`.
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var start: Int

    /// Creates a writer whose buffer can first hold `initialCapacity` bytes (it grows on demand).
    package init(initialCapacity: Int = 16 * 1024) {
        let capacity = max(initialCapacity, 16)
        self.storage = .allocate(byteCount: capacity, alignment: 16)
        self.capacity = capacity
        self.start = capacity
    }

    deinit {
        storage.deallocate()
    }

    /// The number of bytes written since creation or the last ``reset()``.
    package var count: Int { capacity - start }

    /// Forgets what was written, keeping the buffer for the next message.
    package mutating func reset() {
        start = capacity
    }

    /// Lends the written bytes, valid only inside `body`.
    package func withWrittenBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: storage + start, count: capacity - start))
    }

    /// A copy of the written bytes.
    package var writtenBytes: [UInt8] {
        withWrittenBytes { Array($0) }
    }

    // MARK: - Capacity

    @inline(__always)
    private mutating func reserve(_ byteCount: Int) {
        if start < byteCount {
            grow(toFit: byteCount)
        }
    }

    @inline(never)
    private mutating func grow(toFit byteCount: Int) {
        let written = capacity - start
        var newCapacity = capacity * 2
        while newCapacity - written < byteCount {
            newCapacity *= 2
        }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        (newStorage + (newCapacity - written)).copyMemory(from: storage + start, byteCount: written)
        storage.deallocate()
        storage = newStorage
        start = newCapacity - written
        capacity = newCapacity
    }

    // MARK: - Store primitives (the only unsafe code)

    /// Writes `value` as a base-128 varint (1–10 bytes).
    @inline(__always)
    package mutating func writeVarint(_ value: UInt64) {
        let size = Self.varintSize(value)
        reserve(size)
        start -= size
        Self.storeVarint(value, at: storage + start)
    }

    /// Makes room for exactly `byteCount` bytes in front of what is written and lets `fill` write them front to
    /// back: for callers that know a whole field's size in advance (one reservation instead of one per primitive).
    /// `fill` must write all `byteCount` bytes and nothing outside them.
    @inline(__always)
    package mutating func writeReserved(byteCount: Int, _ fill: (UnsafeMutableRawPointer) -> Void) {
        reserve(byteCount)
        start -= byteCount
        fill(storage + start)
    }

    /// Stores `value` as a varint of ``varintSize(_:)`` bytes at `pointer`.
    @inline(__always)
    static func storeVarint(_ value: UInt64, at pointer: UnsafeMutableRawPointer) {
        var pointer = pointer
        var remaining = value
        while remaining >= 0x80 {
            pointer.storeBytes(of: UInt8(truncatingIfNeeded: remaining) | 0x80, as: UInt8.self)
            pointer += 1
            remaining >>= 7
        }
        pointer.storeBytes(of: UInt8(truncatingIfNeeded: remaining), as: UInt8.self)
    }

    /// Writes 4 little-endian bytes.
    @inline(__always)
    package mutating func writeFixed32(_ value: UInt32) {
        reserve(4)
        start -= 4
        (storage + start).storeBytes(of: value.littleEndian, as: UInt32.self)
    }

    /// Writes 8 little-endian bytes.
    @inline(__always)
    package mutating func writeFixed64(_ value: UInt64) {
        reserve(8)
        start -= 8
        (storage + start).storeBytes(of: value.littleEndian, as: UInt64.self)
    }

    /// Writes raw bytes, without a length prefix.
    @inline(__always)
    package mutating func writeRawBytes(_ bytes: UnsafeRawBufferPointer) {
        let byteCount = bytes.count
        guard byteCount > 0, let source = bytes.baseAddress else { return }
        reserve(byteCount)
        start -= byteCount
        (storage + start).copyMemory(from: source, byteCount: byteCount)
    }

    /// Writes the UTF-8 of `string`, without a length prefix; returns the number of bytes written.
    @inline(__always)
    @discardableResult
    package mutating func writeRawUTF8(_ string: String) -> Int {
        let written: Int? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            writeRawBytes(UnsafeRawBufferPointer(utf8))
            return utf8.count
        }
        if let written {
            return written
        }
        return writeRawUTF8Slowly(string)
    }

    /// Bridged or otherwise non-contiguous strings: copy byte by byte.
    @inline(never)
    private mutating func writeRawUTF8Slowly(_ string: String) -> Int {
        let utf8 = string.utf8
        let byteCount = utf8.count
        reserve(byteCount)
        start -= byteCount
        var pointer = storage + start
        for byte in utf8 {
            pointer.storeBytes(of: byte, as: UInt8.self)
            pointer += 1
        }
        return byteCount
    }

    /// The encoded size of `value` as a varint.
    @inline(__always)
    package static func varintSize(_ value: UInt64) -> Int {
        // Bits needed (at least 1), rounded up to groups of 7.
        (64 - (value | 1).leadingZeroBitCount + 6) / 7
    }
}

// MARK: - Fields

/// Protobuf wire types.
package enum ProtobufWireType: UInt32 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5
}

extension ProtobufReverseWriter {
    /// Writes a field tag: `(field << 3) | wireType`.
    @inline(__always)
    package mutating func writeTag(field: UInt32, wireType: ProtobufWireType) {
        writeVarint(UInt64(field << 3 | wireType.rawValue))
    }

    /// Writes a varint field (uint32, uint64, int64, bool, enum), even at its default value.
    @inline(__always)
    package mutating func writeVarintField(_ field: UInt32, _ value: UInt64) {
        writeVarint(value)
        writeTag(field: field, wireType: .varint)
    }

    /// Writes an `int64` field; negative values take 10 bytes (two's complement, not zigzag).
    @inline(__always)
    package mutating func writeInt64Field(_ field: UInt32, _ value: Int64) {
        writeVarintField(field, UInt64(bitPattern: value))
    }

    /// Writes an `int32` or enum field; negative values are sign-extended to 10 bytes, as protobuf requires.
    @inline(__always)
    package mutating func writeInt32Field(_ field: UInt32, _ value: Int32) {
        writeVarintField(field, UInt64(bitPattern: Int64(value)))
    }

    @inline(__always)
    package mutating func writeBoolField(_ field: UInt32, _ value: Bool) {
        writeVarintField(field, value ? 1 : 0)
    }

    @inline(__always)
    package mutating func writeFixed32Field(_ field: UInt32, _ value: UInt32) {
        writeFixed32(value)
        writeTag(field: field, wireType: .fixed32)
    }

    @inline(__always)
    package mutating func writeFixed64Field(_ field: UInt32, _ value: UInt64) {
        writeFixed64(value)
        writeTag(field: field, wireType: .fixed64)
    }

    /// Writes a `double` field; the bit pattern is kept, so -0.0 and NaN payloads survive.
    @inline(__always)
    package mutating func writeDoubleField(_ field: UInt32, _ value: Double) {
        writeFixed64Field(field, value.bitPattern)
    }

    /// Writes a `string` field (its UTF-8, U+0000 included), even when empty.
    @inline(__always)
    package mutating func writeStringField(_ field: UInt32, _ value: String) {
        let byteCount = writeRawUTF8(value)
        writeVarint(UInt64(byteCount))
        writeTag(field: field, wireType: .lengthDelimited)
    }

    /// Writes a `bytes` field, even when empty.
    @inline(__always)
    package mutating func writeBytesField(_ field: UInt32, _ value: UnsafeRawBufferPointer) {
        writeRawBytes(value)
        writeVarint(UInt64(value.count))
        writeTag(field: field, wireType: .lengthDelimited)
    }

    /// Writes a `bytes` field from any value that lends its bytes (ids, arrays).
    @inline(__always)
    package mutating func writeBytesField(_ field: UInt32, _ value: some OTLPBytesRepresentable) {
        value.withOTLPBytes { writeBytesField(field, $0) }
    }

    /// Writes a nested message as field `field`: `body` writes the message's fields (back to
    /// front), then its length and tag are written in front of them.
    @inline(__always)
    package mutating func writeMessage<Failure: Error>(
        field: UInt32,
        _ body: (inout ProtobufReverseWriter) throws(Failure) -> Void
    ) throws(Failure) {
        let end = count
        try body(&self)
        writeVarint(UInt64(count - end))
        writeTag(field: field, wireType: .lengthDelimited)
    }
}

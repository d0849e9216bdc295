internal import CompressNIO
internal import NIOCore

/// Inflates a gzip request body chunk by chunk as it arrives, never producing more than a limit.
///
/// Each chunk is inflated through a fixed 64 KiB window and copied out, so a gzip bomb costs at most
/// `limit` plus one window of memory before it is refused. Several gzip members one after the other
/// (RFC 1952 §2.2) are accepted. zlib checks each member's CRC-32 and length when it reaches the
/// member's end; a body that stops before that end raises no zlib error, so ``finish()`` compares
/// the last member's trailer with the output itself.
struct OTLPReceiverGzipInflater {
    enum Failure: Error, Equatable {
        /// The inflated body would exceed the limit.
        case tooLarge(limit: Int)
        /// Not gzip, corrupt, or truncated.
        case corrupt(String)
    }

    private let decompressor: any NIODecompressor
    private var window: ByteBuffer
    private(set) var output: ByteBuffer
    private let limit: Int
    /// Where the current member's output starts in `output`.
    private var memberStart: Int
    /// The last eight input bytes seen: the last member's trailer (CRC-32, ISIZE) once the body ends.
    private var trailer: [UInt8] = []

    init(limit: Int, allocator: ByteBufferAllocator) throws(Failure) {
        self.limit = limit
        decompressor = CompressionAlgorithm.gzip().decompressor
        do {
            try decompressor.startStream()
        } catch {
            throw .corrupt("the gzip decompressor could not start: \(error)")
        }
        window = allocator.buffer(capacity: 64 * 1024)
        output = allocator.buffer(capacity: min(limit, 64 * 1024))
        memberStart = output.writerIndex
    }

    /// Inflates `chunk` (all of it) and appends the result to ``output``.
    mutating func feed(_ chunk: ByteBuffer) throws(Failure) {
        var chunk = chunk
        rememberTrailer(chunk)
        var restarted = false
        while chunk.readableBytes > 0 {
            let readBefore = chunk.readerIndex
            window.clear()
            do {
                try chunk.decompressStream(to: &window, with: decompressor)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                // The window is full: copy it out and go on.
            } catch {
                throw .corrupt("the body is not valid gzip (\(error))")
            }
            if window.readableBytes > limit - output.readableBytes {
                throw .tooLarge(limit: limit)
            }
            let produced = window.readableBytes
            output.writeBuffer(&window)
            if chunk.readerIndex != readBefore || produced != 0 {
                restarted = false
            } else {
                // zlib stopped at the end of a member and input remains: the next member starts here.
                // A fresh stream always consumes or rejects input, so a second stall means zlib is stuck.
                guard !restarted else {
                    throw .corrupt("the gzip decompressor made no progress")
                }
                restarted = true
                do {
                    try decompressor.resetStream()
                } catch {
                    throw .corrupt("the gzip decompressor could not restart: \(error)")
                }
                memberStart = output.writerIndex
            }
        }
    }

    /// Checks that the body ended where its last gzip member ends, and returns the inflated body.
    mutating func finish() throws(Failure) -> ByteBuffer {
        defer { try? decompressor.finishStream() }
        guard trailer.count == 8 else {
            throw .corrupt("the gzip body is truncated")
        }
        let expectedCRC =
            UInt32(trailer[0]) | UInt32(trailer[1]) << 8 | UInt32(trailer[2]) << 16 | UInt32(trailer[3]) << 24
        let expectedSize =
            UInt32(trailer[4]) | UInt32(trailer[5]) << 8 | UInt32(trailer[6]) << 16 | UInt32(trailer[7]) << 24
        let memberSize = output.writerIndex - memberStart
        let crc = output.withUnsafeReadableBytes { bytes in
            OTLPReceiverCRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[(memberStart - output.readerIndex)...]))
        }
        guard UInt32(truncatingIfNeeded: memberSize) == expectedSize, crc == expectedCRC else {
            throw .corrupt("the gzip body is truncated or its checksum does not match")
        }
        return output
    }

    private mutating func rememberTrailer(_ chunk: ByteBuffer) {
        let tail = chunk.readableBytesView.suffix(8)
        if tail.count == 8 {
            trailer = Array(tail)
        } else {
            trailer.append(contentsOf: tail)
            if trailer.count > 8 {
                trailer.removeFirst(trailer.count - 8)
            }
        }
    }
}

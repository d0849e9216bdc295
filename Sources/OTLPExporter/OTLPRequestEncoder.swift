import NIOCore
import OTelModel

/// The exporter's encoders and their reusable buffers, behind a lock (exports do not overlap, so it is never
/// contended; the lock only makes misuse safe).
final class OTLPRequestEncoder: @unchecked Sendable {
    enum Result {
        /// The encoded request body.
        case body(ByteBuffer)
        /// The encoding would be this many bytes, over the limit.
        case tooLarge(Int)
    }

    private let lock = ExporterLock()
    private let usesJSON: Bool
    private var protobuf: OTLPProtobufEncoder
    private var json: OTLPJSONEncoder

    init(protocol: OTLPHTTPExporterConfiguration.ExportProtocol) {
        usesJSON = `protocol` == .httpJSON
        protobuf = OTLPProtobufEncoder(initialCapacity: usesJSON ? 64 : 256 * 1024)
        json = OTLPJSONEncoder(initialCapacity: usesJSON ? 256 * 1024 : 64)
    }

    /// Encodes `spans` and copies the bytes into a new buffer the request can own, unless they exceed `limit`.
    func encode(_ spans: ArraySlice<OTelFinishedSpan>, limit: Int, allocator: ByteBufferAllocator) -> Result {
        lock.withLock {
            if usesJSON {
                json.encode(spans)
                guard json.encodedByteCount <= limit else { return .tooLarge(json.encodedByteCount) }
                return .body(json.withEncodedBytes { Self.copy($0, allocator) })
            }
            protobuf.encode(spans)
            guard protobuf.encodedByteCount <= limit else { return .tooLarge(protobuf.encodedByteCount) }
            return .body(protobuf.withEncodedBytes { Self.copy($0, allocator) })
        }
    }

    private static func copy(_ bytes: UnsafeRawBufferPointer, _ allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        return buffer
    }
}

extension OTLPReceiver {
    /// Where the receiver listens and how much it accepts.
    package struct Configuration: Sendable, Equatable {
        /// The address to bind; the default keeps the receiver on the loopback interface.
        package var host: String
        /// The port to bind; `0` asks the system for a free one (see ``OTLPReceiver/port``).
        package var port: Int
        /// The largest request body accepted as sent (compressed or not), in bytes; larger bodies get
        /// HTTP 413 (compat-spec.md §2.1 HTTP-6).
        package var maxBodySize: Int
        /// The largest body accepted after gzip decompression, in bytes: a gzip bomb is refused with
        /// HTTP 413 as soon as its output passes this, without being inflated further.
        package var maxDecompressedBodySize: Int

        /// OTLP's recommended request limit (compat-spec.md §2.2 EXP-9): 64 MiB.
        package static let defaultMaxBodySize = 64 * 1024 * 1024

        /// - Parameters:
        ///   - host: Defaults to `127.0.0.1`.
        ///   - port: Defaults to OTLP/HTTP's 4318 (compat-spec.md §2.1 HTTP-2).
        ///   - maxBodySize: Defaults to ``defaultMaxBodySize``.
        ///   - maxDecompressedBodySize: Defaults to `maxBodySize`.
        package init(
            host: String = "127.0.0.1",
            port: Int = 4318,
            maxBodySize: Int = Self.defaultMaxBodySize,
            maxDecompressedBodySize: Int? = nil
        ) {
            self.host = host
            self.port = port
            self.maxBodySize = maxBodySize
            self.maxDecompressedBodySize = maxDecompressedBodySize ?? maxBodySize
        }
    }
}

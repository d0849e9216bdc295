extension OTLPReceiver {
    /// An export request the receiver accepted.
    package struct ReceivedRequest: Sendable {
        /// The decoded `ExportTraceServiceRequest`.
        package var request: OTLPDecodedRequest
        package var format: ContentFormat
        /// Whether the body came with `Content-Encoding: gzip`.
        package var gzipped: Bool
        /// The body's size as sent.
        package var bodySize: Int
        /// The body's size after decompression (equal to ``bodySize`` when not compressed).
        package var decodedBodySize: Int
        /// The peer, e.g. `127.0.0.1:51234`, when known.
        package var remoteAddress: String?

        package init(
            request: OTLPDecodedRequest,
            format: ContentFormat,
            gzipped: Bool,
            bodySize: Int,
            decodedBodySize: Int,
            remoteAddress: String?
        ) {
            self.request = request
            self.format = format
            self.gzipped = gzipped
            self.bodySize = bodySize
            self.decodedBodySize = decodedBodySize
            self.remoteAddress = remoteAddress
        }
    }
}

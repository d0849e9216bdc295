extension OTLPReceiver {
    /// What the receiver reports for each request it answers.
    package enum Event: Sendable {
        /// A valid export request, answered with HTTP 200 once the handler returns.
        case received(ReceivedRequest)
        /// A request answered with an error status.
        case rejected(Rejection)
    }

    /// The payload format of a request (compat-spec.md §2.1 HTTP-3, HTTP-4).
    package enum ContentFormat: String, Sendable, Equatable {
        /// `application/x-protobuf`.
        case protobuf
        /// `application/json`: OTLP/JSON.
        case json
    }

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

    /// A request the receiver answered with an error status.
    package struct Rejection: Sendable, Equatable {
        /// The HTTP status sent: 400, 404, 405, 413 or 415.
        package var statusCode: Int
        /// Why, as also sent in the `google.rpc.Status` message of the response.
        package var message: String
        package var method: String
        package var uri: String
        package var remoteAddress: String?

        package init(statusCode: Int, message: String, method: String, uri: String, remoteAddress: String?) {
            self.statusCode = statusCode
            self.message = message
            self.method = method
            self.uri = uri
            self.remoteAddress = remoteAddress
        }
    }
}

extension OTLPReceiver {
    /// The payload format of a request (compat-spec.md §2.1 HTTP-3, HTTP-4).
    package enum ContentFormat: String, Sendable, Equatable {
        /// `application/x-protobuf`.
        case protobuf
        /// `application/json`: OTLP/JSON.
        case json
    }
}

extension OTLPReceiver {
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

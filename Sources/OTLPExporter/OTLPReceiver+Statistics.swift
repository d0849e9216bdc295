extension OTLPReceiver {
    /// Counts since the receiver started.
    package struct Statistics: Sendable, Equatable {
        /// Export requests accepted (HTTP 200).
        package var requests: Int
        /// Spans in the accepted requests.
        package var spans: Int
        /// Requests rejected with an error status.
        package var errors: Int

        package init(requests: Int, spans: Int, errors: Int) {
            self.requests = requests
            self.spans = spans
            self.errors = errors
        }
    }
}

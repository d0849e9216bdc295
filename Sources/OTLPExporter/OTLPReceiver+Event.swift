extension OTLPReceiver {
    /// What the receiver reports for each request it answers.
    package enum Event: Sendable {
        /// A valid export request, answered with HTTP 200 once the handler returns.
        case received(ReceivedRequest)
        /// A request answered with an error status.
        case rejected(Rejection)
    }
}

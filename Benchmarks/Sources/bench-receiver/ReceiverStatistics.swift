import NIOConcurrencyHelpers

/// What the receiver has seen, shared by its event loops.
final class ReceiverStatistics: Sendable {
    struct Snapshot: Sendable {
        var requests = 0
        var spans = 0
        var bodyBytes = 0
        var malformed = 0
    }

    private let state = NIOLockedValueBox(Snapshot())

    func record(spans: Int?, bodyBytes: Int) {
        state.withLockedValue { state in
            state.requests += 1
            state.bodyBytes += bodyBytes
            if let spans { state.spans += spans } else { state.malformed += 1 }
        }
    }

    var snapshot: Snapshot { state.withLockedValue { $0 } }

    /// One line of JSON, read by the benchmark driver.
    var json: String {
        let s = snapshot
        return #"{"requests":\#(s.requests),"spans":\#(s.spans),"bodyBytes":\#(s.bodyBytes),"malformed":\#(s.malformed)}"#
    }
}

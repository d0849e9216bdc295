/// A decoded `ExportTraceServiceResponse`: what a collector answers with HTTP 200 (OTLP HTTP-9/10).
package struct OTLPDecodedResponse: Equatable, Sendable {
    /// `nil` when every span was accepted.
    package var partialSuccess: PartialSuccess?

    package init(partialSuccess: PartialSuccess?) {
        self.partialSuccess = partialSuccess
    }

    /// Some spans were rejected (`rejectedSpans > 0`), or a warning (`rejectedSpans == 0`, message set).
    /// The client must not retry either way.
    package struct PartialSuccess: Equatable, Sendable {
        package var rejectedSpans: Int64
        package var errorMessage: String

        package init(rejectedSpans: Int64, errorMessage: String) {
            self.rejectedSpans = rejectedSpans
            self.errorMessage = errorMessage
        }
    }
}

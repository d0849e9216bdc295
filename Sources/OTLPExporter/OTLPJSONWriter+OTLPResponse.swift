// OTLP/JSON answers of a receiver: `ExportTraceServiceResponse` (HTTP-9/10) and `google.rpc.Status`
// (HTTP-11). Each writes a whole top-level object.

extension OTLPJSONWriter {
    /// Writes an `ExportTraceServiceResponse`: `{}` for full success.
    package mutating func writeExportTraceServiceResponse(partialSuccess: (rejectedSpans: Int64, errorMessage: String)?) {
        beginObject()
        if let partialSuccess {
            object("partialSuccess") { object in
                if partialSuccess.rejectedSpans != 0 {
                    object.key("rejectedSpans")
                    object.quotedNumber(partialSuccess.rejectedSpans)
                }
                if !partialSuccess.errorMessage.isEmpty {
                    object.key("errorMessage")
                    object.string(partialSuccess.errorMessage)
                }
            }
        }
        endObject()
    }

    /// Writes a `google.rpc.Status` without details (a JSON `Any` needs the detail's schema).
    package mutating func writeRPCStatus(code: Int32, message: String) {
        beginObject()
        if code != 0 {
            key("code")
            number(code)
        }
        if !message.isEmpty {
            key("message")
            string(message)
        }
        endObject()
    }
}

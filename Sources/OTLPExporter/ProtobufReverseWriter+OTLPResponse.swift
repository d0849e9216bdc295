// Writers for what an OTLP/HTTP receiver answers: `ExportTraceServiceResponse` on success (OTLP
// HTTP-9/10) and `google.rpc.Status` on failure (HTTP-11). Each writes a whole top-level message.

extension ProtobufReverseWriter {
    /// Writes an `ExportTraceServiceResponse`. Full success (`partialSuccess == nil`) is the empty
    /// message: zero bytes.
    package mutating func writeExportTraceServiceResponse(partialSuccess: (rejectedSpans: Int64, errorMessage: String)?) {
        guard let partialSuccess else { return }
        writeMessage(field: OTLPField.ExportTraceServiceResponse.partialSuccess) { w in
            if !partialSuccess.errorMessage.isEmpty {
                w.writeStringField(OTLPField.ExportTracePartialSuccess.errorMessage, partialSuccess.errorMessage)
            }
            if partialSuccess.rejectedSpans != 0 {
                w.writeInt64Field(OTLPField.ExportTracePartialSuccess.rejectedSpans, partialSuccess.rejectedSpans)
            }
        }
    }

    /// Writes a `google.rpc.Status` with its `google.protobuf.Any` details in order.
    package mutating func writeRPCStatus(code: Int32, message: String, details: [(typeURL: String, value: [UInt8])] = []) {
        for detail in details.reversed() {
            writeMessage(field: OTLPField.RPCStatus.details) { any in
                if !detail.value.isEmpty {
                    any.writeBytesField(OTLPField.ProtobufAny.value, detail.value)
                }
                if !detail.typeURL.isEmpty {
                    any.writeStringField(OTLPField.ProtobufAny.typeURL, detail.typeURL)
                }
            }
        }
        if !message.isEmpty {
            writeStringField(OTLPField.RPCStatus.message, message)
        }
        if code != 0 {
            writeInt32Field(OTLPField.RPCStatus.code, code)
        }
    }
}

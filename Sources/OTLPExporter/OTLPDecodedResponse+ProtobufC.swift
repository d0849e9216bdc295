internal import COTLP

extension OTLPDecodedResponse {
    /// Decodes a binary `ExportTraceServiceResponse`; zero bytes is full success.
    ///
    /// - Throws: ``OTLPDecodingError`` for anything that is not a valid message; never crashes.
    package init(protobuf bytes: UnsafeRawBufferPointer) throws(OTLPDecodingError) {
        self = try ProtobufCDecoding.decode(
            bytes,
            messageName: "ExportTraceServiceResponse",
            nesting: .leaf,
            unpack: { opentelemetry__proto__collector__trace__v1__export_trace_service_response__unpack(nil, $0, $1) },
            free: { opentelemetry__proto__collector__trace__v1__export_trace_service_response__free_unpacked($0, nil) },
            convert: { (response) throws(OTLPDecodingError) in
                OTLPDecodedResponse(
                    partialSuccess: try response.partial_success.map { (pointer) throws(OTLPDecodingError) in
                        PartialSuccess(
                            rejectedSpans: pointer.pointee.rejected_spans,
                            errorMessage: try ProtobufCDecoding.string(
                                pointer.pointee.error_message, field: "ExportTracePartialSuccess.error_message"
                            )
                        )
                    }
                )
            }
        )
    }

    package init(protobuf bytes: [UInt8]) throws(OTLPDecodingError) {
        // Array.withUnsafeBytes rethrows untyped errors; carry the typed one out in a Result.
        self = try bytes.withUnsafeBytes { buffer in
            Result { () throws(OTLPDecodingError) in try Self(protobuf: buffer) }
        }.get()
    }
}

internal import COTLP

extension OTLPDecodedRPCStatus {
    /// Decodes a binary `google.rpc.Status`, the body of a 4xx/5xx OTLP/HTTP response.
    ///
    /// - Throws: ``OTLPDecodingError`` for anything that is not a valid message; never crashes.
    package init(protobuf bytes: UnsafeRawBufferPointer) throws(OTLPDecodingError) {
        self = try ProtobufCDecoding.decode(
            bytes,
            messageName: "google.rpc.Status",
            nesting: .leaf,
            unpack: { google__rpc__status__unpack(nil, $0, $1) },
            free: { google__rpc__status__free_unpacked($0, nil) },
            convert: { (status) throws(OTLPDecodingError) in
                OTLPDecodedRPCStatus(
                    code: status.code,
                    message: try ProtobufCDecoding.string(status.message, field: "google.rpc.Status.message"),
                    details: try ProtobufCDecoding.repeated(status.n_details, status.details) { (any) throws(OTLPDecodingError) in
                        Detail(
                            typeURL: try ProtobufCDecoding.string(any.type_url, field: "google.protobuf.Any.type_url"),
                            value: ProtobufCDecoding.bytes(any.value)
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

internal import NIOCore
internal import NIOHTTP1

/// An answer of the receiver, in the forms a collector uses (compat-spec.md §2.1 HTTP-8, HTTP-9, HTTP-11).
struct OTLPReceiverResponse {
    var status: HTTPResponseStatus
    var contentType: String
    var body: [UInt8]
    /// For failures: the message also carried in the body's `google.rpc.Status`.
    var failureMessage: String?
    /// Extra headers, such as `Allow` for 405.
    var headers: [(String, String)] = []

    static let protobufContentType = "application/x-protobuf"
    static let jsonContentType = "application/json"

    /// HTTP 200 with an `ExportTraceServiceResponse` without partial success, in the request's format.
    static func success(_ format: OTLPReceiver.ContentFormat) -> Self {
        switch format {
        case .protobuf:
            var writer = ProtobufReverseWriter(initialCapacity: 16)
            writer.writeExportTraceServiceResponse(partialSuccess: nil)
            return Self(status: .ok, contentType: protobufContentType, body: writer.writtenBytes)
        case .json:
            var writer = OTLPJSONWriter(initialCapacity: 16)
            writer.writeExportTraceServiceResponse(partialSuccess: nil)
            return Self(status: .ok, contentType: jsonContentType, body: writer.writtenBytes)
        }
    }

    /// An error status with a `google.rpc.Status` body: JSON when the request was JSON, protobuf otherwise.
    static func failure(
        _ status: HTTPResponseStatus,
        _ message: String,
        format: OTLPReceiver.ContentFormat?
    ) -> Self {
        let code = rpcCode(for: status)
        switch format {
        case .json:
            var writer = OTLPJSONWriter(initialCapacity: 128)
            writer.writeRPCStatus(code: code, message: message)
            return Self(
                status: status, contentType: jsonContentType, body: writer.writtenBytes, failureMessage: message)
        case .protobuf, nil:
            var writer = ProtobufReverseWriter(initialCapacity: 128)
            writer.writeRPCStatus(code: code, message: message)
            return Self(
                status: status, contentType: protobufContentType, body: writer.writtenBytes, failureMessage: message)
        }
    }

    /// The `google.rpc.Code` sent with an HTTP error; clients are not expected to act on it (HTTP-11).
    private static func rpcCode(for status: HTTPResponseStatus) -> Int32 {
        switch status {
        case .notFound: 5  // NOT_FOUND
        case .methodNotAllowed: 12  // UNIMPLEMENTED
        default: 3  // INVALID_ARGUMENT: bad, too large or unsupported data
        }
    }
}

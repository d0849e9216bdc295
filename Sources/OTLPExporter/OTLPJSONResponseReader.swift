#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads the two things the exporter wants from OTLP/JSON responses: the partial success of an
/// `ExportTraceServiceResponse`, and the message of a `google.rpc.Status`.
enum OTLPJSONResponseReader {
    private struct Response: Decodable {
        var partialSuccess: PartialSuccess?
    }

    private struct PartialSuccess: Decodable {
        var rejectedSpans: FlexibleInt64?
        var errorMessage: String?
    }

    private struct Status: Decodable {
        var message: String?
    }

    /// OTLP/JSON writes 64-bit integers as strings; decoders accept numbers too.
    private struct FlexibleInt64: Decodable {
        var value: Int64

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) {
                value = number
            } else if let text = try? container.decode(String.self), let number = Int64(text) {
                value = number
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an int64")
            }
        }
    }

    static func partialSuccess(_ bytes: some Sequence<UInt8>) -> OTLPDecodedResponse.PartialSuccess? {
        guard let response = try? JSONDecoder().decode(Response.self, from: Data(bytes)),
            let partial = response.partialSuccess
        else { return nil }
        return OTLPDecodedResponse.PartialSuccess(
            rejectedSpans: partial.rejectedSpans?.value ?? 0,
            errorMessage: partial.errorMessage ?? ""
        )
    }

    static func statusMessage(_ bytes: some Sequence<UInt8>) -> String? {
        (try? JSONDecoder().decode(Status.self, from: Data(bytes)))?.message
    }
}

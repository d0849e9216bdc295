internal import NIOCore
internal import NIOHTTP1

/// One request to the receiver, from its head to its answer: checks the head, collects the body
/// within the limits (inflating gzip as it arrives), and decodes it.
struct OTLPReceiverExchange {
    /// The only path served (compat-spec.md §2.1 HTTP-2).
    static let tracesPath = "/v1/traces"

    enum Start {
        case started(OTLPReceiverExchange)
        /// The error answer to send without reading the body.
        case refused(OTLPReceiverResponse)
    }

    enum Outcome {
        case accepted(OTLPDecodedRequest, format: OTLPReceiver.ContentFormat, bodySize: Int, decodedBodySize: Int)
        case rejected(OTLPReceiverResponse)
    }

    let format: OTLPReceiver.ContentFormat
    let gzipped: Bool
    private let configuration: OTLPReceiver.Configuration
    private var body: ByteBuffer
    private var inflater: OTLPReceiverGzipInflater?
    private var bodySize = 0

    /// Checks a request head: path, method, content type, content encoding and declared length.
    ///
    static func begin(
        _ head: HTTPRequestHead,
        configuration: OTLPReceiver.Configuration,
        allocator: ByteBufferAllocator
    ) -> Start {
        guard path(of: head.uri) == tracesPath else {
            return .refused(.failure(.notFound, "no such path: only POST \(tracesPath) is served", format: nil))
        }
        guard head.method == .POST else {
            var response = OTLPReceiverResponse.failure(
                .methodNotAllowed, "method \(head.method) not allowed: use POST", format: nil)
            response.headers.append(("Allow", "POST"))
            return .refused(response)
        }
        guard let format = contentFormat(head.headers.first(name: "content-type")) else {
            let received = head.headers.first(name: "content-type").map { "'\($0)'" } ?? "none"
            return .refused(
                .failure(
                    .unsupportedMediaType,
                    "unsupported Content-Type \(received): use application/x-protobuf or application/json",
                    format: nil
                ))
        }
        let gzipped: Bool
        switch head.headers[canonicalForm: "content-encoding"].map({ $0.lowercased() }) {
        case [], ["identity"]:
            gzipped = false
        case ["gzip"], ["x-gzip"]:
            gzipped = true
        case let encodings:
            return .refused(
                .failure(
                    .unsupportedMediaType,
                    "unsupported Content-Encoding '\(encodings.joined(separator: ", "))': use gzip or none",
                    format: format
                ))
        }
        let declaredLength = head.headers.first(name: "content-length").flatMap { Int($0) }
        if let declaredLength, declaredLength > configuration.maxBodySize {
            return .refused(tooLarge(limit: configuration.maxBodySize, what: "request body", format: format))
        }
        var inflater: OTLPReceiverGzipInflater?
        if gzipped {
            do {
                inflater = try OTLPReceiverGzipInflater(
                    limit: configuration.maxDecompressedBodySize, allocator: allocator)
            } catch {
                return .refused(.failure(.badRequest, "\(error)", format: format))
            }
        }
        return .started(
            Self(
                format: format,
                gzipped: gzipped,
                configuration: configuration,
                // A plain body of declared length is collected without regrowing the buffer.
                body: allocator.buffer(capacity: gzipped ? 0 : max(0, declaredLength ?? 0)),
                inflater: inflater
            ))
    }

    /// Takes the next part of the body.
    ///
    /// - Returns: The error answer when the body is refused (too large, corrupt gzip); the caller
    ///   sends it and stops feeding.
    mutating func append(_ chunk: ByteBuffer) -> OTLPReceiverResponse? {
        bodySize += chunk.readableBytes
        guard bodySize <= configuration.maxBodySize else {
            return Self.tooLarge(limit: configuration.maxBodySize, what: "request body", format: format)
        }
        if inflater != nil {
            do {
                try inflater!.feed(chunk)
            } catch {
                return Self.response(for: error, format: format)
            }
        } else {
            var chunk = chunk
            body.writeBuffer(&chunk)
        }
        return nil
    }

    /// Decodes the whole body.
    mutating func finish() -> Outcome {
        var decoded = body
        if inflater != nil {
            do {
                decoded = try inflater!.finish()
            } catch {
                return .rejected(Self.response(for: error, format: format))
            }
        }
        let decodedBodySize = decoded.readableBytes
        do {
            let request = try decoded.withUnsafeReadableBytes { bytes in
                Result { () throws(OTLPDecodingError) in
                    switch format {
                    case .protobuf: try OTLPDecodedRequest(protobuf: bytes)
                    case .json: try OTLPDecodedRequest(json: bytes)
                    }
                }
            }.get()
            return .accepted(request, format: format, bodySize: bodySize, decodedBodySize: decodedBodySize)
        } catch {
            return .rejected(.failure(.badRequest, Self.describe(error, format: format), format: format))
        }
    }

    // MARK: - Helpers

    private static func tooLarge(limit: Int, what: String, format: OTLPReceiver.ContentFormat?) -> OTLPReceiverResponse
    {
        .failure(.payloadTooLarge, "\(what) larger than the limit of \(limit) bytes", format: format)
    }

    private static func response(for failure: OTLPReceiverGzipInflater.Failure, format: OTLPReceiver.ContentFormat)
        -> OTLPReceiverResponse
    {
        switch failure {
        case .tooLarge(let limit):
            tooLarge(limit: limit, what: "decompressed request body", format: format)
        case .corrupt(let reason):
            .failure(.badRequest, reason, format: format)
        }
    }

    private static func describe(_ error: OTLPDecodingError, format: OTLPReceiver.ContentFormat) -> String {
        switch (error, format) {
        case (.malformed(let message), .protobuf):
            "invalid protobuf: libprotobuf-c cannot decode the body as an \(message)"
        case (.malformed(let message), .json):
            "invalid OTLP/JSON ExportTraceServiceRequest: \(message)"
        case (.nestingTooDeep(let limit), _):
            "invalid ExportTraceServiceRequest: messages nest deeper than \(limit) levels"
        case (.invalidUTF8(let field), _):
            "invalid ExportTraceServiceRequest: \(field) is not valid UTF-8"
        }
    }

    /// The path of a request target: origin form (`/v1/traces?x`) or absolute form (`http://h/v1/traces`).
    static func path(of uri: String) -> Substring {
        var target = Substring(uri)
        if !target.hasPrefix("/"), let colon = target.firstIndex(of: ":"), target[colon...].hasPrefix("://") {
            let afterAuthority = target[target.index(colon, offsetBy: 3)...]
            target = afterAuthority.firstIndex(of: "/").map { afterAuthority[$0...] } ?? "/"
        }
        if let end = target.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            target = target[..<end]
        }
        return target
    }

    /// The format named by a `Content-Type` value (media type compared case-insensitively, parameters ignored).
    static func contentFormat(_ contentType: String?) -> OTLPReceiver.ContentFormat? {
        guard let contentType else { return nil }
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        switch mediaType.trimmingSpaces().lowercased() {
        case OTLPReceiverResponse.protobufContentType: return .protobuf
        case OTLPReceiverResponse.jsonContentType: return .json
        default: return nil
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}

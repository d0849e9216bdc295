/// Why an ``OTLPHTTPSpanExporter`` could not be created or could not deliver a batch.
public struct OTLPHTTPExporterError: Error, Hashable, CustomStringConvertible {
    private enum Code: Hashable {
        case unreadableTLSFile(variable: String, path: String, reason: String)
        case incompleteClientCertificate
        case requestFailed(status: Int, message: String)
        case responseTooLarge(limit: Int)
        case transportFailed(reason: String)
        case timedOut
        case spanTooLarge(size: Int, limit: Int)
        case retriesExhausted(attempts: Int, lastFailure: String)
        case partiallyDelivered(failedSpans: Int)
    }

    private let code: Code

    /// A TLS PEM file could not be loaded.
    public static func unreadableTLSFile(_ what: String, path: String, reason: String) -> Self {
        Self(code: .unreadableTLSFile(variable: what, path: path, reason: reason))
    }
    /// Only one of the client certificate and the client key was given.
    public static let incompleteClientCertificate = Self(code: .incompleteClientCertificate)
    /// The endpoint answered with a status that is not retried (400 and most others).
    public static func requestFailed(status: Int, message: String) -> Self {
        Self(code: .requestFailed(status: status, message: message))
    }
    /// The response body exceeded the configured limit.
    public static func responseTooLarge(limit: Int) -> Self { Self(code: .responseTooLarge(limit: limit)) }
    /// The request could not be made and retrying would not help (bad URL, TLS failure).
    public static func transportFailed(_ reason: String) -> Self { Self(code: .transportFailed(reason: reason)) }
    /// The export timeout passed before a response arrived.
    public static let timedOut = Self(code: .timedOut)
    /// A single span alone exceeds the request size limit.
    public static func spanTooLarge(size: Int, limit: Int) -> Self {
        Self(code: .spanTooLarge(size: size, limit: limit))
    }
    /// Retryable failures continued until the attempts or the time ran out, or shutdown began (no more retries).
    public static func retriesExhausted(attempts: Int, lastFailure: String) -> Self {
        Self(code: .retriesExhausted(attempts: attempts, lastFailure: lastFailure))
    }
    /// Part of a split batch was delivered, this many spans were not.
    public static func partiallyDelivered(failedSpans: Int) -> Self {
        Self(code: .partiallyDelivered(failedSpans: failedSpans))
    }

    /// A human-readable explanation.
    public var description: String {
        switch code {
        case .unreadableTLSFile(let what, let path, let reason):
            "Cannot load the TLS \(what) from \(path): \(reason)"
        case .incompleteClientCertificate:
            "A client certificate needs both a certificate chain file and a private key file"
        case .requestFailed(let status, let message):
            "The OTLP endpoint answered HTTP \(status)" + (message.isEmpty ? "" : ": \(message)")
        case .responseTooLarge(let limit):
            "The OTLP response body exceeds \(limit) bytes"
        case .transportFailed(let reason):
            "The OTLP request failed: \(reason)"
        case .timedOut:
            "The OTLP export timed out"
        case .spanTooLarge(let size, let limit):
            "A single span encodes to \(size) bytes, over the request limit of \(limit); it was dropped"
        case .retriesExhausted(let attempts, let lastFailure):
            "The OTLP export failed after \(attempts) attempts; last failure: \(lastFailure)"
        case .partiallyDelivered(let failedSpans):
            "\(failedSpans) spans of the batch could not be delivered"
        }
    }
}

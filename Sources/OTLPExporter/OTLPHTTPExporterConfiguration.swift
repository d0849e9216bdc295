/// The settings of ``OTLPHTTPSpanExporter``; build them from `OTEL_EXPORTER_OTLP_*` with
/// ``init(environment:logger:)``.
///
/// [OpenTelemetry Specification: OTLP Exporter Configuration](https://opentelemetry.io/docs/specs/otel/protocol/exporter/)
public struct OTLPHTTPExporterConfiguration: Sendable {
    /// The full URL requests are posted to.
    ///
    /// - Environment variables: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as-is; `/` when it has no path), else
    ///   `OTEL_EXPORTER_OTLP_ENDPOINT` (a base URL: `v1/traces` is appended after a `/`).
    /// - Default value: `http://localhost:4318/v1/traces`
    /// - Supported values: `http` and `https` URLs; `https` uses TLS.
    public var endpoint: OTLPEndpoint

    /// Extra request headers (for example authentication), sent with every request and never logged.
    ///
    /// - Environment variables: `OTEL_EXPORTER_OTLP_TRACES_HEADERS`, else `OTEL_EXPORTER_OTLP_HEADERS`
    ///   (`key1=value1,key2=value2`, percent-decoded).
    /// - Default value: none
    public var headers: [(name: String, value: String)]

    /// How long one export may take, retries included; `nil` means no limit.
    ///
    /// - Environment variables: `OTEL_EXPORTER_OTLP_TRACES_TIMEOUT`, else `OTEL_EXPORTER_OTLP_TIMEOUT`
    ///   (milliseconds; `0` means no limit).
    /// - Default value: 10 s
    public var timeout: Duration?

    /// Whether request bodies are compressed.
    ///
    /// - Environment variables: `OTEL_EXPORTER_OTLP_TRACES_COMPRESSION`, else `OTEL_EXPORTER_OTLP_COMPRESSION`
    /// - Default value: ``Compression/none``
    /// - Supported values: `none`, `gzip`
    public var compression: Compression

    /// The payload encoding.
    ///
    /// - Environment variables: `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL`
    /// - Default value: ``ExportProtocol/httpProtobuf``
    /// - Supported values: `http/protobuf`, `http/json` (`grpc` is not supported: logged, and the default used)
    public var `protocol`: ExportProtocol

    /// Certificates for `https` endpoints.
    public var tls: TLS

    /// When and how failed requests are retried.
    public var retryPolicy: OTLPRetryPolicy

    /// The largest request body (before compression); a larger batch is split, and a single span too large to
    /// send is dropped and counted. Default 64 MiB, as OTLP recommends.
    public var maximumRequestBodySize: Int

    /// The largest response body read (after decompression); a larger one fails the export without retry.
    /// Default 4 MiB, as OTLP recommends.
    public var maximumResponseBodySize: Int

    /// A product token put before the exporter's own in `User-Agent` (`MyDistribution/1.2.3`), if any.
    public var userAgentPrefix: String?

    /// Creates a configuration; the defaults are the spec's.
    public init(
        endpoint: OTLPEndpoint = .default,
        headers: [(name: String, value: String)] = [],
        timeout: Duration? = .seconds(10),
        compression: Compression = .none,
        protocol: ExportProtocol = .httpProtobuf,
        tls: TLS = TLS(),
        retryPolicy: OTLPRetryPolicy = OTLPRetryPolicy(),
        maximumRequestBodySize: Int = 64 * 1024 * 1024,
        maximumResponseBodySize: Int = 4 * 1024 * 1024,
        userAgentPrefix: String? = nil
    ) {
        self.endpoint = endpoint
        self.headers = headers
        self.timeout = timeout
        self.compression = compression
        self.protocol = `protocol`
        self.tls = tls
        self.retryPolicy = retryPolicy
        self.maximumRequestBodySize = maximumRequestBodySize
        self.maximumResponseBodySize = maximumResponseBodySize
        self.userAgentPrefix = userAgentPrefix
    }

    /// The `User-Agent` header value: `OTel-OTLP-Exporter-Swift/<version>`, after ``userAgentPrefix`` if set.
    public var userAgent: String {
        let own = "OTel-OTLP-Exporter-Swift/\(OTLPExporterLibrary.version)"
        guard let userAgentPrefix, !userAgentPrefix.isEmpty else { return own }
        return "\(userAgentPrefix) \(own)"
    }

    /// Request body compression.
    public struct Compression: Sendable, Hashable, CustomStringConvertible {
        private enum Backing: Sendable, Hashable {
            case none
            case gzip
        }

        private let backing: Backing

        /// Bodies are sent as they are.
        public static let none = Compression(backing: .none)
        /// Bodies are gzip-compressed and sent with `Content-Encoding: gzip`.
        public static let gzip = Compression(backing: .gzip)

        /// `none` or `gzip`.
        public var description: String { backing == .gzip ? "gzip" : "none" }
    }

    /// The OTLP/HTTP payload encoding.
    public struct ExportProtocol: Sendable, Hashable, CustomStringConvertible {
        private enum Backing: Sendable, Hashable {
            case protobuf
            case json
        }

        private let backing: Backing

        /// Binary protobuf, `Content-Type: application/x-protobuf` (the default).
        public static let httpProtobuf = ExportProtocol(backing: .protobuf)
        /// OTLP/JSON, `Content-Type: application/json`.
        public static let httpJSON = ExportProtocol(backing: .json)

        /// The request and response content type.
        public var contentType: String { backing == .json ? "application/json" : "application/x-protobuf" }

        /// `http/protobuf` or `http/json`.
        public var description: String { backing == .json ? "http/json" : "http/protobuf" }
    }

    /// PEM files for TLS; relative paths are resolved against the working directory.
    public struct TLS: Sendable, Hashable {
        /// Certificates trusted to verify the server, instead of the system's trust store.
        ///
        /// - Environment variables: `OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE`, else `OTEL_EXPORTER_OTLP_CERTIFICATE`
        public var trustedCertificatesFile: String?
        /// The client certificate chain, for mutual TLS (with ``clientKeyFile``).
        ///
        /// - Environment variables: `OTEL_EXPORTER_OTLP_TRACES_CLIENT_CERTIFICATE`, else
        ///   `OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE`
        public var clientCertificateFile: String?
        /// The client's private key, for mutual TLS (with ``clientCertificateFile``).
        ///
        /// - Environment variables: `OTEL_EXPORTER_OTLP_TRACES_CLIENT_KEY`, else `OTEL_EXPORTER_OTLP_CLIENT_KEY`
        public var clientKeyFile: String?

        /// Creates TLS settings; by default the system trust store and no client certificate.
        public init(
            trustedCertificatesFile: String? = nil,
            clientCertificateFile: String? = nil,
            clientKeyFile: String? = nil
        ) {
            self.trustedCertificatesFile = trustedCertificatesFile
            self.clientCertificateFile = clientCertificateFile
            self.clientKeyFile = clientKeyFile
        }
    }
}

public import Logging
public import OTelModel

extension OTLPHTTPExporterConfiguration {
    /// The configuration from the `OTEL_EXPORTER_OTLP_*` environment variables; each traces-specific variable
    /// (`OTEL_EXPORTER_OTLP_TRACES_*`) overrides its generic one. Unset variables keep the defaults; unusable values
    /// are logged (header values never are) and ignored.
    ///
    /// - `…_ENDPOINT`: see ``endpoint``; an invalid URL falls back to the next source.
    /// - `…_HEADERS`: `key1=value1,key2=value2`, keys and values trimmed and percent-decoded; a malformed member is
    ///   skipped. The traces variable replaces the whole generic list.
    /// - `…_TIMEOUT`: milliseconds, `0` for no limit; negative or non-numeric values keep 10 s.
    /// - `…_COMPRESSION`: `gzip` or `none`. `…_PROTOCOL`: `http/protobuf` or `http/json`.
    /// - `…_CERTIFICATE`, `…_CLIENT_CERTIFICATE`, `…_CLIENT_KEY`: PEM file paths (read when the exporter is created).
    ///
    /// [OpenTelemetry Specification: OTLP Exporter Configuration](https://opentelemetry.io/docs/specs/otel/protocol/exporter/#configuration-options)
    public init(environment: OTelEnvironment = .process, logger: Logger) {
        self.init()
        func value(_ option: String) -> (name: String, value: String)? {
            for name in ["OTEL_EXPORTER_OTLP_TRACES_\(option)", "OTEL_EXPORTER_OTLP_\(option)"] {
                if let value = environment[name] { return (name, value) }
            }
            return nil
        }

        if let raw = environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"], let endpoint = OTLPEndpoint(signalURL: raw) {
            self.endpoint = endpoint
        } else if let raw = environment["OTEL_EXPORTER_OTLP_ENDPOINT"], let endpoint = OTLPEndpoint(baseURL: raw) {
            self.endpoint = endpoint
        }
        for name in ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"] {
            if let raw = environment[name], OTLPEndpoint(baseURL: raw) == nil {
                environment.warn(name, raw, hint: "expected an http:// or https:// URL with a host", logger: logger)
            }
        }

        if let (name, raw) = value("HEADERS") {
            headers = Self.parseHeaders(raw, variable: name, logger: logger)
        }

        for name in ["OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"] where environment[name] != nil {
            if let milliseconds = environment.milliseconds(name, logger: logger) {
                timeout = milliseconds == .zero ? nil : milliseconds
                break
            }
        }

        for name in ["OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION"]
        where environment[name] != nil {
            if let choice = environment.choice(name, allowed: ["none", "gzip"], logger: logger) {
                compression = choice == "gzip" ? .gzip : .none
                break
            }
        }

        for name in ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"] where environment[name] != nil
        {
            if let choice = environment.choice(name, allowed: ["http/protobuf", "http/json", "grpc"], logger: logger) {
                if choice == "grpc" {
                    environment.warn(name, choice, hint: "gRPC is not supported; using http/protobuf", logger: logger)
                }
                self.protocol = choice == "http/json" ? .httpJSON : .httpProtobuf
                break
            }
        }

        tls = TLS(
            trustedCertificatesFile: value("CERTIFICATE")?.value,
            clientCertificateFile: value("CLIENT_CERTIFICATE")?.value,
            clientKeyFile: value("CLIENT_KEY")?.value
        )
    }

    /// The configuration from environment variables given as a dictionary; see ``init(environment:logger:)``.
    public init(environment: [String: String], logger: Logger) {
        self.init(environment: OTelEnvironment(environment), logger: logger)
    }

    /// Parses `key1=value1,key2=value2` (W3C Baggage syntax without properties), percent-decoding keys and values.
    ///
    /// A member without `=`, with an empty or non-token key, an invalid escape, or a value with control characters
    /// is skipped with a warning that names the variable and, when known, the header, never the value.
    static func parseHeaders(_ text: String, variable: String, logger: Logger) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        for member in text.split(separator: ",", omittingEmptySubsequences: true) {
            let trimmed = member.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "="),
                let name = OTLPPercentDecoding.decode(trimmed[..<equals].trimmingWhitespace()),
                !name.isEmpty, name.utf8.allSatisfy(\.isHTTPTokenCharacter)
            else {
                logger.warning(
                    "Ignoring a malformed header in an environment variable",
                    metadata: ["variable": "\(variable)", "hint": "expected key=value with a valid header name"]
                )
                continue
            }
            guard let value = OTLPPercentDecoding.decode(trimmed[trimmed.index(after: equals)...].trimmingWhitespace()),
                !value.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F })
            else {
                logger.warning(
                    "Ignoring a header with a malformed value in an environment variable",
                    metadata: ["variable": "\(variable)", "header": "\(name)"]
                )
                continue
            }
            headers.append((name, value))
        }
        return headers
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

extension UInt8 {
    /// `tchar` of RFC 9110: the characters of a header field name.
    fileprivate var isHTTPTokenCharacter: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(self)
        }
    }
}

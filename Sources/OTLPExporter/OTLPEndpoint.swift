/// An OTLP/HTTP endpoint URL: `http` or `https`, a host, an optional port, a path and an optional query.
///
/// Only the syntax the exporter needs is checked; the URL is otherwise sent as given ("MUST NOT modify the URL
/// in ways other than specified").
///
/// [OpenTelemetry Specification: Endpoint URLs for OTLP/HTTP](https://opentelemetry.io/docs/specs/otel/protocol/exporter/#endpoint-urls-for-otlphttp)
public struct OTLPEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The full URL.
    public let url: String
    /// `http` or `https` (lowercase).
    public let scheme: String

    /// `http://localhost:4318/v1/traces`.
    public static let `default` = OTLPEndpoint(validated: "http://localhost:4318/v1/traces", scheme: "http")

    private init(validated url: String, scheme: String) {
        self.url = url
        self.scheme = scheme
    }

    /// The URL as given, except that a URL without a path gets the root path `/` (the rule for
    /// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`).
    ///
    /// - Returns: `nil` unless `url` is an `http` or `https` URL with a host.
    public init?(signalURL url: String) {
        guard let parts = Self.split(url) else { return nil }
        self.init(
            validated: parts.prefix + (parts.path.isEmpty ? "/" : parts.path) + parts.suffix,
            scheme: parts.scheme
        )
    }

    /// The traces URL under a base URL: `v1/traces` appended to the base path, after a `/` if it lacks one
    /// (the rule for `OTEL_EXPORTER_OTLP_ENDPOINT`).
    ///
    /// `http://collector:4318` → `http://collector:4318/v1/traces`;
    /// `http://collector:4318/mycollector/` → `http://collector:4318/mycollector/v1/traces`.
    /// - Returns: `nil` unless `url` is an `http` or `https` URL with a host.
    public init?(baseURL url: String) {
        guard let parts = Self.split(url) else { return nil }
        let base = parts.path.hasSuffix("/") ? parts.path : parts.path + "/"
        self.init(validated: parts.prefix + base + "v1/traces" + parts.suffix, scheme: parts.scheme)
    }

    /// Whether requests use TLS.
    public var usesTLS: Bool { scheme == "https" }

    /// The URL.
    public var description: String { url }

    /// Splits `scheme://authority` + path + `?query#fragment`.
    private static func split(_ url: String) -> (scheme: String, prefix: String, path: String, suffix: String)? {
        let text = Substring(url).trimmingWhitespace()
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let afterColon = text[text.index(after: colon)...]
        guard afterColon.hasPrefix("//") else { return nil }
        let rest = afterColon.dropFirst(2)
        let authorityEnd = rest.firstIndex(where: Self.endsAuthority) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.isEmpty, !authority.hasPrefix(":"), !authority.contains(" ") else { return nil }
        let afterAuthority = rest[authorityEnd...]
        let pathEnd = afterAuthority.firstIndex(where: Self.endsPath) ?? afterAuthority.endIndex
        let prefix: String = scheme + "://" + authority
        let path = String(afterAuthority[..<pathEnd])
        let suffix = String(afterAuthority[pathEnd...])
        return (scheme, prefix, path, suffix)
    }

    private static func endsAuthority(_ character: Character) -> Bool {
        character == "/" || character == "?" || character == "#"
    }

    private static func endsPath(_ character: Character) -> Bool {
        character == "?" || character == "#"
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

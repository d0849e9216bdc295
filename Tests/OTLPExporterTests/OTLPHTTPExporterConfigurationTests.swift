import Logging
import OTLPExporter
import OTelModel
import Testing

@Suite("OTLP exporter configuration from the environment")
struct OTLPHTTPExporterConfigurationTests {
    private func configuration(_ environment: [String: String], capture: LogCapture = LogCapture())
        -> OTLPHTTPExporterConfiguration
    {
        OTLPHTTPExporterConfiguration(environment: environment, logger: capture.logger)
    }

    @Test(
        "endpoint rules: the traces variable is used as-is (root path if none), the generic one gets v1/traces after a slash",
        arguments: [
            ([:], "http://localhost:4318/v1/traces"),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"], "http://collector:4318/v1/traces"),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318/"], "http://collector:4318/v1/traces"),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318/mycollector/"], "http://c:4318/mycollector/v1/traces"),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318/mycollector"], "http://c:4318/mycollector/v1/traces"),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "https://c/base?x=1"], "https://c/base/v1/traces?x=1"),
            (["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector:4318"], "http://collector:4318/"),
            (
                ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector:4318/custom/path"],
                "http://collector:4318/custom/path"
            ),
            (["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "https://collector/v1/traces/"], "https://collector/v1/traces/"),
            (
                [
                    "OTEL_EXPORTER_OTLP_ENDPOINT": "http://generic:4318",
                    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://traces:4318/t",
                ],
                "http://traces:4318/t"
            ),
            (
                [
                    "OTEL_EXPORTER_OTLP_ENDPOINT": "http://generic:4318",
                    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "not a url",
                ],
                "http://generic:4318/v1/traces"
            ),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "ftp://collector"], "http://localhost:4318/v1/traces"),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": ""], "http://localhost:4318/v1/traces"),
        ] as [([String: String], String)]
    )
    func endpoint(environment: [String: String], expected: String) {
        #expect(configuration(environment).endpoint.url == expected)
    }

    @Test("an invalid endpoint is logged and ignored")
    func invalidEndpointLogged() {
        let capture = LogCapture()
        _ = configuration(["OTEL_EXPORTER_OTLP_ENDPOINT": "collector:4318"], capture: capture)
        #expect(capture.recorded.contains { $0.contains("OTEL_EXPORTER_OTLP_ENDPOINT") })
    }

    @Test("headers: key=value pairs, trimmed and percent-decoded; the traces variable replaces the generic one")
    func headers() {
        let generic = configuration([
            "OTEL_EXPORTER_OTLP_HEADERS": " api-key = abc%20def%2C1 ,x-scope=%E2%9C%93, empty="
        ])
        #expect(generic.headers.map(\.name) == ["api-key", "x-scope", "empty"])
        #expect(generic.headers.map(\.value) == ["abc def,1", "✓", ""])
        let specific = configuration([
            "OTEL_EXPORTER_OTLP_HEADERS": "a=1",
            "OTEL_EXPORTER_OTLP_TRACES_HEADERS": "Authorization=Basic%20dXNlcg%3D%3D",
        ])
        #expect(specific.headers.map(\.name) == ["Authorization"])
        #expect(specific.headers.map(\.value) == ["Basic dXNlcg=="])
    }

    @Test("malformed header members are skipped with a warning that never contains a header value")
    func malformedHeadersNeverLogValues() {
        let capture = LogCapture()
        let result = configuration(
            [
                "OTEL_EXPORTER_OTLP_HEADERS":
                    "good=secret-one,novalue,bad%zz=secret-two,key=secret%0Athree,bad name=secret-four"
            ],
            capture: capture
        )
        #expect(result.headers.map(\.name) == ["good"])
        #expect(capture.recorded.count == 4)
        #expect(!capture.recorded.contains { $0.contains("secret") })
        #expect(capture.recorded.contains { $0.contains("header=key") })
    }

    @Test(
        "timeout: default 10 s, milliseconds from env (traces wins), 0 = no limit, negative or junk = warning and default"
    )
    func timeout() {
        #expect(configuration([:]).timeout == .seconds(10))
        #expect(configuration(["OTEL_EXPORTER_OTLP_TIMEOUT": "2500"]).timeout == .milliseconds(2500))
        #expect(
            configuration(["OTEL_EXPORTER_OTLP_TIMEOUT": "2500", "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT": "700"]).timeout
                == .milliseconds(700)
        )
        #expect(configuration(["OTEL_EXPORTER_OTLP_TIMEOUT": "0"]).timeout == nil)
        let capture = LogCapture()
        #expect(configuration(["OTEL_EXPORTER_OTLP_TIMEOUT": "-5"], capture: capture).timeout == .seconds(10))
        #expect(capture.recorded.contains { $0.contains("OTEL_EXPORTER_OTLP_TIMEOUT") })
        #expect(configuration(["OTEL_EXPORTER_OTLP_TIMEOUT": "soon"]).timeout == .seconds(10))
    }

    @Test(
        "compression and protocol: gzip/none and http/protobuf/http/json, case-insensitive; grpc and unknown values fall back"
    )
    func compressionAndProtocol() {
        #expect(configuration([:]).compression == .none)
        #expect(configuration(["OTEL_EXPORTER_OTLP_COMPRESSION": "GZIP"]).compression == .gzip)
        #expect(
            configuration(["OTEL_EXPORTER_OTLP_COMPRESSION": "gzip", "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION": "none"])
                .compression == .none
        )
        #expect(configuration(["OTEL_EXPORTER_OTLP_COMPRESSION": "zstd"]).compression == .none)
        #expect(configuration([:]).protocol == .httpProtobuf)
        #expect(configuration(["OTEL_EXPORTER_OTLP_PROTOCOL": "http/json"]).protocol == .httpJSON)
        #expect(configuration(["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/json"]).protocol == .httpJSON)
        let capture = LogCapture()
        #expect(configuration(["OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"], capture: capture).protocol == .httpProtobuf)
        #expect(capture.recorded.contains { $0.contains("gRPC is not supported") })
    }

    @Test(
        "TLS files come from the env (traces variables win); unreadable files fail exporter creation with a clear error"
    )
    func tlsFiles() throws {
        let result = configuration([
            "OTEL_EXPORTER_OTLP_CERTIFICATE": "/generic/ca.pem",
            "OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE": "/traces/ca.pem",
            "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE": "/c.pem",
            "OTEL_EXPORTER_OTLP_CLIENT_KEY": "/k.pem",
        ])
        #expect(
            result.tls
                == .init(
                    trustedCertificatesFile: "/traces/ca.pem",
                    clientCertificateFile: "/c.pem",
                    clientKeyFile: "/k.pem"
                )
        )
        #expect(throws: OTLPHTTPExporterError.self) { try OTLPHTTPSpanExporter(configuration: result) }
        var onlyKey = OTLPHTTPExporterConfiguration()
        onlyKey.tls.clientKeyFile = "/k.pem"
        #expect(throws: OTLPHTTPExporterError.incompleteClientCertificate) {
            try OTLPHTTPSpanExporter(configuration: onlyKey)
        }
    }

    @Test("User-Agent is OTel-OTLP-Exporter-Swift/<version>, after an optional product prefix")
    func userAgent() {
        var configuration = OTLPHTTPExporterConfiguration()
        #expect(configuration.userAgent == "OTel-OTLP-Exporter-Swift/\(OTelLibrary.version)")
        configuration.userAgentPrefix = "MyDistribution/1.2.3"
        #expect(configuration.userAgent == "MyDistribution/1.2.3 OTel-OTLP-Exporter-Swift/\(OTelLibrary.version)")
    }
}

@Suite("OTLP retry timing")
struct OTLPRetryTimingTests {
    @Test("Retry-After: delay-seconds, IMF-fixdate, RFC 850 and asctime dates; junk is ignored; past dates are zero")
    func retryAfter() {
        let now: UInt64 = 784_111_777 * 1_000_000_000  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(OTLPRetryAfter.delay("120", nowNanoseconds: now) == .seconds(120))
        #expect(OTLPRetryAfter.delay(" 0 ", nowNanoseconds: now) == .zero)
        #expect(OTLPRetryAfter.delay("Sun, 06 Nov 1994 08:49:47 GMT", nowNanoseconds: now) == .seconds(10))
        #expect(OTLPRetryAfter.delay("Sunday, 06-Nov-94 08:50:37 GMT", nowNanoseconds: now) == .seconds(60))
        #expect(OTLPRetryAfter.delay("Sun Nov  6 08:49:38 1994", nowNanoseconds: now) == .seconds(1))
        #expect(OTLPRetryAfter.delay("Sat, 05 Nov 1994 08:49:37 GMT", nowNanoseconds: now) == .zero)
        #expect(
            OTLPRetryAfter.delay("Tue, 29 Feb 2028 00:00:10 GMT", nowNanoseconds: 1_835_395_200 * 1_000_000_000)
                == .seconds(10)
        )
        #expect(OTLPRetryAfter.delay("soon", nowNanoseconds: now) == nil)
        #expect(OTLPRetryAfter.delay("-1", nowNanoseconds: now) == nil)
        #expect(OTLPRetryAfter.delay("", nowNanoseconds: now) == nil)
    }

    @Test("backoff grows by the multiplier up to the cap, scaled by the jitter factor (0.5 to 1)")
    func backoff() {
        let policy = OTLPRetryPolicy(
            maximumAttempts: 10,
            initialBackoff: .seconds(1),
            maximumBackoff: .seconds(5),
            multiplier: 1.5
        )
        #expect(policy.backoff(beforeRetry: 1, jitter: 1) == .seconds(1))
        #expect(policy.backoff(beforeRetry: 2, jitter: 1) == .milliseconds(1500))
        #expect(policy.backoff(beforeRetry: 3, jitter: 1) == .milliseconds(2250))
        #expect(policy.backoff(beforeRetry: 9, jitter: 1) == .seconds(5))
        #expect(policy.backoff(beforeRetry: 2, jitter: 0.5) == .milliseconds(750))
        #expect(policy.backoff(beforeRetry: 1, jitter: 0) == .milliseconds(500), "jitter is clamped to 0.5...1")
    }
}

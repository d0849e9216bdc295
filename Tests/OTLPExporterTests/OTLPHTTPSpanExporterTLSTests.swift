import Foundation
import Logging
import NIOSSL
import OTLPExporter
import OTelModel
import Testing

/// https endpoints with a private CA and mutual TLS, configured through the spec's environment variables; the
/// certificates are made with the `openssl` command for each test run.
@Suite("OTLP/HTTP exporter over TLS")
struct OTLPHTTPSpanExporterTLSTests {
    struct Certificates {
        let directory: URL
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    }

    /// A CA, a server certificate for 127.0.0.1 and a client certificate, all signed by the CA.
    static let certificates: Certificates? = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("otlp-tls-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil else {
            return nil
        }
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        let steps: [[String]] = [
            ["openssl", "req", "-x509"] + ec + [
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=OTLP Test CA",
            ],
            ["openssl", "req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"],
            ["sh", "-c", "printf 'subjectAltName=IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\n' > server.ext"],
            [
                "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
            ],
            ["openssl", "req"] + ec + ["-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=otlp-client"],
            [
                "openssl", "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "client.pem", "-days", "2",
            ],
        ]
        for step in steps {
            guard let result = try? TestProcess.run(step, in: directory), result.status == 0 else { return nil }
        }
        return Certificates(directory: directory)
    }()

    static var available: Bool { certificates != nil }

    private func serverContext(_ certificates: Certificates, requireClientCertificate: Bool) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificates.path("server.pem")).map {
                .certificate($0)
            },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: certificates.path("server.key"), format: .pem))
        )
        if requireClientCertificate {
            configuration.certificateVerification = .noHostnameVerification
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificates.path("ca.pem")))
        }
        return try NIOSSLContext(configuration: configuration)
    }

    private func exporter(_ environment: [String: String]) throws -> OTLPHTTPSpanExporter {
        var configuration = OTLPHTTPExporterConfiguration(environment: environment, logger: Logger(label: "test"))
        configuration.retryPolicy = OTLPRetryPolicy(maximumAttempts: 1)
        configuration.timeout = .seconds(5)
        return try OTLPHTTPSpanExporter(configuration: configuration)
    }

    @Test(
        "https with the CA from OTEL_EXPORTER_OTLP_CERTIFICATE and a client certificate and key (mutual TLS) delivers the spans",
        .enabled(if: available, "the openssl command is needed to make test certificates")
    )
    func mutualTLS() async throws {
        let certificates = try #require(Self.certificates)
        let collector = try await LoopbackCollector(tls: serverContext(certificates, requireClientCertificate: true))
        let exporter = try exporter([
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": collector.secureTracesURL,
            "OTEL_EXPORTER_OTLP_CERTIFICATE": certificates.path("ca.pem"),
            "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE": certificates.path("client.pem"),
            "OTEL_EXPORTER_OTLP_CLIENT_KEY": certificates.path("client.key"),
        ])
        let spans = [ModelSpanFixtures.everyField()]
        try await exporter.export(spans)
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.count == 1)
        #expect(
            try OTLPDecodedRequest(protobuf: try #require(collector.requests.first).body)
                == ModelSpanFixtures.expectedDecoded(spans)
        )
    }

    @Test(
        "https to a server whose CA is not trusted fails without sending anything",
        .enabled(if: available, "the openssl command is needed to make test certificates")
    )
    func untrustedServer() async throws {
        let certificates = try #require(Self.certificates)
        let collector = try await LoopbackCollector(tls: serverContext(certificates, requireClientCertificate: false))
        let exporter = try exporter(["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": collector.secureTracesURL])
        await #expect(throws: (any Error).self) { try await exporter.export([ModelSpanFixtures.simple(seed: 1)]) }
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.isEmpty)
        #expect(exporter.statistics.droppedSpans == 1)
    }

    @Test(
        "a server requiring a client certificate refuses an exporter configured without one",
        .enabled(if: available, "the openssl command is needed to make test certificates")
    )
    func missingClientCertificate() async throws {
        let certificates = try #require(Self.certificates)
        let collector = try await LoopbackCollector(tls: serverContext(certificates, requireClientCertificate: true))
        let exporter = try exporter([
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": collector.secureTracesURL,
            "OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE": certificates.path("ca.pem"),
        ])
        await #expect(throws: (any Error).self) { try await exporter.export([ModelSpanFixtures.simple(seed: 1)]) }
        await exporter.shutdown()
        try await collector.close()
        #expect(collector.requests.isEmpty)
    }
}

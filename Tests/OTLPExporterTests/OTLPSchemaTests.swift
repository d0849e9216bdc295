import Foundation
import Testing

@Suite("The OTLP schema in proto/ and the C generated from it")
struct OTLPSchemaTests {
    static let canCompareWithOfficialSchema = TestProcess.officialBindingsAvailable && TestProcess.protocCVersion != nil

    /// The protoc-c version that generated the committed C, read from a generated header's version guard.
    static let committedGeneratorVersion: Int? = {
        let header = TestProcess.packageRoot.appendingPathComponent("Sources/COTLP/include/google/rpc/status.pb-c.h")
        guard let text = try? String(contentsOf: header, encoding: .utf8) else { return nil }
        // "#elif 1004001 < PROTOBUF_C_MIN_COMPILER_VERSION"
        guard let line = text.split(separator: "\n").first(where: { $0.contains("< PROTOBUF_C_MIN_COMPILER_VERSION") }) else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }()

    @Test(
        "proto/ has the official OTLP v1.11.0 names, field numbers, types and enum values",
        .enabled(if: canCompareWithOfficialSchema, "needs protoc-c and python3 with opentelemetry-proto (`make deps pydeps`)")
    )
    func schemaMatchesOfficialBindings() throws {
        let script = TestProcess.packageRoot.appendingPathComponent("scripts/verify_proto_schema.py").path
        let result = try TestProcess.run(["python3", script])
        #expect(result.status == 0, "verify_proto_schema.py:\n\(result.output)")
        #expect(result.output.contains("proto/ matches the official opentelemetry-proto schema (6 files)"))
    }

    @Test(
        "the committed C in Sources/COTLP is what scripts/generate-cotlp.sh makes from proto/",
        .enabled(
            if: TestProcess.protocCVersion != nil && TestProcess.protocCVersion == committedGeneratorVersion,
            "needs the protoc-c version that generated Sources/COTLP (see proto/README.md)"
        )
    )
    func generatedCIsCurrent() throws {
        let script = TestProcess.packageRoot.appendingPathComponent("scripts/generate-cotlp.sh").path
        let result = try TestProcess.run(["bash", script, "--check"])
        #expect(result.status == 0, "generate-cotlp.sh --check:\n\(result.output)")
        #expect(result.output.contains("Sources/COTLP is up to date with proto/"))
    }
}

import Foundation
import OTLPExporter
import Testing

/// The JSON lines `otlp-export receive --output` writes, read by the official opentelemetry-proto
/// Python bindings (`make pydeps` installs them).
@Suite("JSON lines conformance with the official opentelemetry-proto bindings")
struct OTLPJSONLinesConformanceTests {
    static let officialBindingsAvailable: Bool =
        (try? python(["-c", "import opentelemetry.proto, google.protobuf.json_format"]).status) == 0

    /// Parses each line with `json_format` (ids turned from OTLP/JSON hex into proto3 base64,
    /// unknown fields rejected) and prints the official protobuf serialization as hex.
    static let script = """
        import base64, json, sys
        from google.protobuf import json_format
        from opentelemetry.proto.collector.trace.v1 import trace_service_pb2

        def ids_to_base64(node):
            if isinstance(node, dict):
                for key in ("traceId", "spanId", "parentSpanId"):
                    if isinstance(node.get(key), str):
                        node[key] = base64.b64encode(bytes.fromhex(node[key])).decode()
                for value in node.values():
                    ids_to_base64(value)
            elif isinstance(node, list):
                for value in node:
                    ids_to_base64(value)

        for line in open(sys.argv[1], encoding="utf-8"):
            request = json.loads(line)
            ids_to_base64(request)
            message = json_format.Parse(json.dumps(request), trace_service_pb2.ExportTraceServiceRequest())
            print(message.SerializeToString().hex())
        """

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test(
        "A JSON line parses with the official json_format and re-serializes to exactly our protobuf bytes",
        .enabled(if: officialBindingsAvailable, "python3 cannot import opentelemetry.proto: run `make pydeps`")
    )
    func officialBindingsReadJSONLines() async throws {
        let request = ReceiverTestFixtures.request
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "otlp-lines-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data((request.otlpJSON + [UInt8(ascii: "\n")]) + (request.otlpJSON + [UInt8(ascii: "\n")])).write(to: file)

        let path = file.path
        let result = try await ReceiverHarness.offCooperativePool { try Self.python(["-c", Self.script, path]) }
        #expect(result.status == 0, "the official bindings rejected the JSON lines:\n\(result.output)")
        let expected = request.protobuf.map {
            String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
        }.joined()
        #expect(result.output == expected + "\n" + expected + "\n")
    }
}

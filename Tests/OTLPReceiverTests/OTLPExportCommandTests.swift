import Foundation
import OTLPExporter
import Testing

@Suite("The otlp-export binary")
struct OTLPExportCommandTests {
    /// The `otlp-export` built with the tests: `OTLP_EXPORT_BINARY`, else next to the test bundle
    /// (Linux: the `.xctest` executable; macOS: the `.xctest` bundle), else `.build/debug`.
    static let binary: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["OTLP_EXPORT_BINARY"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL {
            directories.append(executable.deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        candidates += directories.map { $0.appendingPathComponent("otlp-export") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var process: Process
        var standardOutput: ProcessOutputReader
        var standardError: ProcessOutputReader
        var exitStatus: AsyncStream<Int32>
    }

    static func start(_ arguments: [String]) throws -> Run {
        let binary = try #require(
            binary, "otlp-export not found next to the tests; build with `swift build --build-tests`")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let (exitStatus, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { process in
            exited.yield(process.terminationStatus)
            exited.finish()
        }
        try process.run()
        return Run(
            process: process,
            standardOutput: ProcessOutputReader(output.fileHandleForReading),
            standardError: ProcessOutputReader(error.fileHandleForReading),
            exitStatus: exitStatus
        )
    }

    @Test(
        "receive --port 0 --output FILE: prints trees, appends one OTLP/JSON line per accepted request, and on SIGINT prints the summary and exits 0",
        .timeLimit(.minutes(1))
    )
    func receive() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "otlp-export-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputFile = directory.appendingPathComponent("spans.jsonl")

        let run = try Self.start(["receive", "--port", "0", "--output", outputFile.path])
        let announcement = await run.standardError.text { $0.contains(" (Ctrl-C to stop)\n") }
        let url = try #require(announcement.firstMatch(of: /listening on (http:\/\/127\.0\.0\.1:\d+\/v1\/traces)/)?.1)

        let request = ReceiverTestFixtures.request
        #expect(try await ReceiverHarness.post(request.protobuf, to: String(url)).status == 200)
        // Answered only after the line was written: the file holds it already.
        let firstLine = try String(contentsOf: outputFile, encoding: .utf8)
        #expect(firstLine == String(decoding: request.otlpJSON, as: UTF8.self) + "\n")

        #expect(
            try await ReceiverHarness.post(
                ReceiverHarness.gzip(request.otlpJSON), to: String(url), contentType: "application/json",
                headers: [("Content-Encoding", "gzip")]
            ).status == 200)
        #expect(
            try await ReceiverHarness.post(Array("garbage".utf8), to: String(url), contentType: "application/json")
                .status == 400)

        run.process.interrupt()
        var exitStatuses = run.exitStatus.makeAsyncIterator()
        let status = await exitStatuses.next()
        #expect(status == 0)
        #expect(run.process.terminationReason == .exit)

        let standardError = await run.standardError.allText()
        #expect(standardError.hasSuffix("otlp-export receive: summary: requests=2 spans=8 errors=1\n"))
        #expect(standardError.contains("rejected POST /v1/traces"))
        #expect(
            standardError.contains("with 400: invalid OTLP/JSON ExportTraceServiceRequest: the body is not valid JSON"))

        let standardOutput = await run.standardOutput.allText()
        #expect(
            standardOutput.contains("── request 1: 4 spans, protobuf, \(request.protobuf.count) bytes, from 127.0.0.1:")
        )
        #expect(standardOutput.contains("── request 2: 4 spans, JSON, gzip "))
        #expect(
            standardOutput.components(
                separatedBy: "├─ GET /checkout  SERVER  25.000 ms  span b7ad6b7169203331  ERROR \"payment failed\"\n"
            ).count == 3)

        // The JSON lines are OTLP/JSON that reads back to the spans sent.
        let lines = try String(contentsOf: outputFile, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last == "")
        for line in lines.dropLast() {
            #expect(try OTLPDecodedRequest(json: Array(line.utf8)) == request)
        }
    }

    @Test(
        "receive refuses a bad port, an unopenable --output file and a port in use; demo says it is not available yet instead of faking output"
    )
    func usageErrors() async throws {
        let badPort = try Self.start(["receive", "--port", "70000"])
        var statuses = badPort.exitStatus.makeAsyncIterator()
        #expect(await statuses.next() == 64)  // EX_USAGE
        #expect(await badPort.standardError.allText().contains("--port must be between 0 and 65535."))

        let missingDirectory = try Self.start(["receive", "--output", "/nonexistent-\(UUID().uuidString)/spans.jsonl"])
        var missingStatuses = missingDirectory.exitStatus.makeAsyncIterator()
        #expect(await missingStatuses.next() == 64)
        #expect(await missingDirectory.standardError.allText().contains("cannot open --output file"))

        try await ReceiverHarness.withReceiver { receiver, _ in
            let portInUse = try Self.start(["receive", "--port", String(receiver.port)])
            var statuses = portInUse.exitStatus.makeAsyncIterator()
            #expect(await statuses.next() == 1)
            #expect(
                await portInUse.standardError.allText().hasSuffix(
                    "the address is in use (a collector or another receiver?); choose another --port, or 0 for a free one\n"
                )
            )
        }

        let demo = try Self.start(["demo"])
        var demoStatuses = demo.exitStatus.makeAsyncIterator()
        #expect(await demoStatuses.next() == 1)
        #expect(
            await demo.standardError.allText().hasPrefix(
                "otlp-export demo: not available yet: the demo arrives with the OpenTracing shim."))
        #expect(await demo.standardOutput.allText().isEmpty)
    }

    @Test("--help describes both subcommands, and receive --help every option with its default")
    func help() async throws {
        let root = try Self.start(["--help"])
        let rootHelp = await root.standardOutput.allText()
        for expected in [
            "USAGE: otlp-export <subcommand>", "receive", "demo",
            "otlp-export receive --port 0 --output spans.jsonl --quiet",
        ] {
            #expect(rootHelp.contains(expected))
        }
        let receive = try Self.start(["receive", "--help"])
        let receiveHelp = await receive.standardOutput.allText()
        for expected in [
            "--host <host>", "(default: 127.0.0.1)", "--port <port>", "(default: 4318)", "--output <file>",
            "--max-body-size <size>", "(default: 64MiB)", "--json", "-q, --quiet",
            "otlp-export receive: summary: requests=3 spans=12 errors=1",
        ] {
            #expect(receiveHelp.contains(expected), "receive --help mentions \(expected)")
        }
    }
}

extension OTLPExportCommandTests {
    @Test(
        "receive --json prints each accepted request as one OTLP/JSON line on standard output; --quiet prints none",
        .timeLimit(.minutes(1)))
    func jsonAndQuiet() async throws {
        for (arguments, expectsLine) in [(["--json"], true), (["--json", "--quiet"], false)] {
            let run = try Self.start(["receive", "--port", "0"] + arguments)
            let announcement = await run.standardError.text { $0.contains(" (Ctrl-C to stop)\n") }
            let url = try #require(
                announcement.firstMatch(of: /listening on (http:\/\/127\.0\.0\.1:\d+\/v1\/traces)/)?.1)
            #expect(
                try await ReceiverHarness.post(ReceiverTestFixtures.request.protobuf, to: String(url)).status == 200)
            run.process.terminate()  // SIGTERM ends it like SIGINT
            var statuses = run.exitStatus.makeAsyncIterator()
            #expect(await statuses.next() == 0)
            let expected =
                expectsLine ? String(decoding: ReceiverTestFixtures.request.otlpJSON, as: UTF8.self) + "\n" : ""
            #expect(await run.standardOutput.allText() == expected, "\(arguments)")
            #expect(await run.standardError.allText().hasSuffix("summary: requests=1 spans=4 errors=0\n"))
        }
    }
}

import Foundation

/// Runs the repository's scripts from tests.
enum TestProcess {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Whether `python3 -c "import opentelemetry.proto"` works here (`make pydeps` makes it so).
    static let officialBindingsAvailable: Bool =
        (try? run(["python3", "-c", "import opentelemetry.proto, google.protobuf.json_format"]).status) == 0

    /// The version of `protoc-c` on the PATH as protobuf-c's number (1.4.1 → 1004001), if any.
    static let protocCVersion: Int? = {
        guard let result = try? run(["protoc-c", "--version"]), result.status == 0 else { return nil }
        // "protobuf-c 1.4.1\nlibprotoc 3.21.12"
        guard let line = result.output.split(separator: "\n").first(where: { $0.hasPrefix("protobuf-c ") }) else { return nil }
        let parts = line.dropFirst("protobuf-c ".count).split(separator: ".").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return parts[0] * 1_000_000 + parts[1] * 1_000 + parts[2]
    }()

    /// Runs `arguments` through `/usr/bin/env`, returning the exit status and stdout+stderr.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory {
            process.currentDirectoryURL = directory
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

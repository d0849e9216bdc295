import Foundation
import OTLPExporter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints what the receiver reports and appends accepted requests to the `--output` file, one
/// request at a time.
actor ReceivedRequestPrinter {
    enum Mode {
        case trees, json, quiet
    }

    private let mode: Mode
    private let output: FileHandle?
    private let formatter = OTLPTraceTreeFormatter(useColor: OTLPTraceTreeFormatter.useColorForStandardOutput())
    private var sequenceNumber = 0

    /// - Throws: When `outputPath` cannot be opened for appending.
    init(mode: Mode, outputPath: String?) throws {
        self.mode = mode
        if let outputPath {
            // O_APPEND: each line lands at the end even if another writer appends to the file too.
            let descriptor = open(outputPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw OutputFileError(path: outputPath, reason: String(cString: strerror(errno)))
            }
            output = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        } else {
            output = nil
        }
    }

    func handle(_ event: OTLPReceiver.Event) {
        switch event {
        case .received(let received):
            sequenceNumber += 1
            let line = received.request.otlpJSON + [UInt8(ascii: "\n")]
            if let output {
                do {
                    try output.write(contentsOf: line)
                } catch {
                    StandardStreams.writeError("otlp-export receive: cannot write to the --output file: \(error)\n")
                }
            }
            switch mode {
            case .quiet:
                break
            case .json:
                StandardStreams.write(line, to: .standardOutput)
            case .trees:
                StandardStreams.write(summaryLine(received) + formatter.format(CollectionOfOne(received.request)))
            }
        case .rejected(let rejection):
            guard mode != .quiet else { return }
            StandardStreams.writeError(
                "otlp-export receive: rejected \(rejection.method) \(rejection.uri)"
                    + (rejection.remoteAddress.map { " from \($0)" } ?? "")
                    + " with \(rejection.statusCode): \(rejection.message)\n"
            )
        }
    }

    struct OutputFileError: Error, CustomStringConvertible {
        var path: String
        var reason: String

        var description: String { "cannot open --output file '\(path)': \(reason)" }
    }

    private func summaryLine(_ received: OTLPReceiver.ReceivedRequest) -> String {
        let spans = received.request.spanCount
        var line = "── request \(sequenceNumber): \(spans) span\(spans == 1 ? "" : "s"), "
        line += received.format == .protobuf ? "protobuf" : "JSON"
        line +=
            received.gzipped
            ? ", gzip \(received.bodySize) → \(received.decodedBodySize) bytes" : ", \(received.bodySize) bytes"
        if let remote = received.remoteAddress {
            line += ", from \(remote)"
        }
        return line + "\n"
    }
}

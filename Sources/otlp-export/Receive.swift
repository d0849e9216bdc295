import ArgumentParser
import NIOCore
import OTLPExporter
import UnixSignals

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension OTLPExport {
    /// `otlp-export receive`: a local OTLP/HTTP receiver that prints what arrives.
    struct Receive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a local OTLP/HTTP trace receiver and print the spans it receives.",
            discussion: """
                Listens for OTLP/HTTP trace exports on POST /v1/traces and answers like an OpenTelemetry \
                Collector: bodies in protobuf (application/x-protobuf) or OTLP/JSON (application/json), \
                gzip-compressed or not, get 200 with an ExportTraceServiceResponse in the same format; \
                bodies that do not decode get 400, bodies over --max-body-size (before or after gzip \
                decompression) get 413, other content types or encodings 415, other paths 404 and other \
                methods 405, each with a google.rpc.Status.

                Each accepted request is printed on standard output as it arrives: its spans grouped by \
                trace, as trees of span name, kind, duration, span id, status, attributes, events and \
                links. Colour is used when standard output is a terminal and NO_COLOR is not set. With \
                --json, each request is printed as one line of OTLP/JSON instead.

                With --output, each accepted request is appended to <file> as one line of OTLP/JSON (an \
                ExportTraceServiceRequest) before the exporter gets its 200 response, so once an export \
                has succeeded its spans are in the file.

                Status messages go to standard error: the listening address at start, one line per \
                rejected request, and on Ctrl-C (SIGINT) or SIGTERM a summary of the accepted requests, \
                their spans and the rejected requests, after which the command exits with status 0:
                  otlp-export receive: summary: requests=3 spans=12 errors=1

                EXAMPLES:
                  Watch what a service exports:
                    otlp-export receive
                    OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 ./my-service

                  Collect spans in CI on a free port, then assert on them:
                    otlp-export receive --port 0 --output spans.jsonl --quiet
                    jq -r '.resourceSpans[].scopeSpans[].spans[].name' spans.jsonl
                """
        )

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free port (printed at start).")
        var port = 4318

        @Option(
            help: ArgumentHelp(
                "Append each accepted request to <file> as one line of OTLP/JSON.",
                valueName: "file"
            )
        )
        var output: String?

        @Option(
            help: ArgumentHelp(
                "The largest request body accepted, before and after gzip decompression (bytes, or with KiB, MiB, GiB).",
                valueName: "size"
            )
        )
        var maxBodySize = ByteCount(bytes: OTLPReceiver.Configuration.defaultMaxBodySize)

        @Flag(help: "Print each accepted request as one line of OTLP/JSON instead of trees.")
        var json = false

        @Flag(
            name: .shortAndLong, help: "Print nothing per request; still print the listening address and the summary.")
        var quiet = false

        func validate() throws {
            guard (0...65_535).contains(port) else {
                throw ValidationError("--port must be between 0 and 65535.")
            }
            guard maxBodySize.bytes > 0 else {
                throw ValidationError("--max-body-size must be greater than 0.")
            }
        }

        func run() async throws {
            let printer: ReceivedRequestPrinter
            do {
                printer = try ReceivedRequestPrinter(
                    mode: quiet ? .quiet : json ? .json : .trees,
                    outputPath: output
                )
            } catch {
                StandardStreams.writeError("otlp-export receive: \(error)\n")
                throw ExitCode.validationFailure
            }
            // Trap the signals before announcing the address, so that a client that reacts to the
            // announcement by sending SIGINT always gets the summary.
            let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
            let receiver: OTLPReceiver
            do {
                receiver = try await OTLPReceiver.bind(
                    configuration: OTLPReceiver.Configuration(host: host, port: port, maxBodySize: maxBodySize.bytes)
                ) { event in
                    await printer.handle(event)
                }
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                StandardStreams.writeError(
                    "otlp-export receive: cannot listen on \(host):\(port): the address is in use"
                        + " (a collector or another receiver?); choose another --port, or 0 for a free one\n"
                )
                throw ExitCode.failure
            } catch {
                StandardStreams.writeError("otlp-export receive: cannot listen on \(host):\(port): \(error)\n")
                throw ExitCode.failure
            }
            StandardStreams.writeError("otlp-export receive: listening on \(receiver.tracesURL) (Ctrl-C to stop)\n")

            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await receiver.run()
                }
                group.addTask {
                    for await _ in signals {
                        break
                    }
                    receiver.shutdown()
                }
                try await group.next()
                group.cancelAll()
            }
            let statistics = receiver.statistics
            StandardStreams.writeError(
                "otlp-export receive: summary: requests=\(statistics.requests) spans=\(statistics.spans) errors=\(statistics.errors)\n"
            )
        }
    }
}

import ArgumentParser

extension OTLPExport {
    /// The live demo; a placeholder until the OpenTracing shim lands.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the OpenTracing demo through the shim and print its trace (not available yet).",
            discussion: """
                The demo arrives together with the OpenTracing shim: it will run a small HTTP service \
                instrumented with the OpenTracing API on the shim, export its spans over OTLP/HTTP, and \
                print the received trace as a tree.

                In this build the command only prints this notice and exits with status 1; it sends \
                and prints no spans. To see what an OTLP exporter of yours sends, use 'otlp-export receive'.
                """
        )

        func run() async throws {
            StandardStreams.writeError(
                "otlp-export demo: not available yet: the demo arrives with the OpenTracing shim.\n"
                    + "To see what an OTLP exporter sends, run 'otlp-export receive'.\n"
            )
            throw ExitCode.failure
        }
    }
}

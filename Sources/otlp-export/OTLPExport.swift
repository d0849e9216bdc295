import ArgumentParser

/// `otlp-export`: see what OpenTracing calls become on the OTLP wire.
@main
struct OTLPExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "otlp-export",
        abstract: "See what OpenTracing calls become on the OpenTelemetry (OTLP) wire.",
        discussion: """
            Two tools for teams moving from OpenTracing to OpenTelemetry, with no collector to install:

              receive  A local OTLP/HTTP trace receiver: point an OTLP exporter at it
                       to see its spans as trees, or collect them as OTLP/JSON lines
                       for assertions in CI.
              demo     A live demo of the OpenTracing shim (not available yet).

            EXAMPLES:
              otlp-export receive
              otlp-export receive --port 0 --output spans.jsonl --quiet
              otlp-export receive --help
            """,
        subcommands: [Receive.self, Demo.self]
    )
}

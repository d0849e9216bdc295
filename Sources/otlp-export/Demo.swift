import ArgumentParser
import Foundation

extension OTLPExport {
    /// `otlp-export demo`: the OpenTracing seed flow, live, through the shim, exported over OTLP/HTTP.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a small OpenTracing-instrumented service through the shim and show its OTLP trace.",
            discussion: """
                Starts two HTTP services on 127.0.0.1, instrumented only with the OpenTracing \
                API on the OpenTelemetry shim, each with its own tracer provider (service.name \
                demo-client, checkout, inventory), and a client that sends --requests requests:

                  demo-client  GET /checkout   client span, baggage customer.id, injected
                  checkout     GET /checkout   server span: extracted parent; http.url,
                                               peer.ipv4, peer.service, peer.port; active
                                 price cart    internal child of the active span
                                 GET /inventory  client span, injected
                  inventory    GET /inventory  server span continuing the same trace

                The second request asks for the item 'gift-card', which inventory fails on: \
                its span gets the error tag (status ERROR) and an event=error log with the \
                Swift error as error.object, which becomes an 'exception' event; checkout \
                answers 502.

                Where the spans go:
                  With --endpoint, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or
                  OTEL_EXPORTER_OTLP_ENDPOINT: exported there over OTLP/HTTP; one line per
                  request and the number of spans exported are printed.
                  Otherwise: to an OTLP/HTTP receiver started in-process on a free loopback
                  port; what it received is printed as trace trees (names, kinds, durations,
                  ids, status, attributes, events, links), or as OTLP/JSON lines with --json.
                The other OTEL_* variables (protocol, compression, headers, timeout, sampler, \
                batch processor, limits) apply as in any application using the bootstrap.

                Exits 0 when every request got its expected answer and every span was \
                exported; otherwise prints why on standard error and exits 1.

                EXAMPLES:
                  otlp-export demo
                  otlp-export demo --propagation b3 --requests 5
                  otlp-export demo --json | jq -c '.resourceSpans[].scopeSpans[].spans[].name'
                  otlp-export demo --endpoint http://localhost:4318
                """
        )

        @Option(help: "How many requests the client sends (the second one takes the error path).")
        var requests = 3

        @Option(
            help: ArgumentHelp(
                "The trace-context and baggage headers between the services, the same on both ends.",
                valueName: "format"
            )
        )
        var propagation = DemoPropagation.w3c

        @Option(
            help: ArgumentHelp(
                "Export to this OTLP/HTTP endpoint (a base URL like http://localhost:4318, or a URL ending in /v1/traces) instead of the in-process receiver.",
                valueName: "url"
            )
        )
        var endpoint: String?

        @Flag(help: "Print what the in-process receiver got as OTLP/JSON lines (one per export request) instead of trees.")
        var json = false

        func validate() throws {
            guard (1...1000).contains(requests) else {
                throw ValidationError("--requests must be between 1 and 1000.")
            }
            if let endpoint, DemoRun.tracesURL(forEndpointOption: endpoint) == nil {
                throw ValidationError("--endpoint must be an http:// or https:// URL with a host, got '\(endpoint)'.")
            }
        }

        func run() async throws {
            let outcome = await DemoRun(
                requests: requests,
                propagation: propagation,
                endpointOption: endpoint,
                json: json,
                environment: ProcessInfo.processInfo.environment
            ).run()
            if case .failed(let message) = outcome {
                StandardStreams.writeError("otlp-export demo: \(message)\n")
                throw ExitCode.failure
            }
        }
    }
}

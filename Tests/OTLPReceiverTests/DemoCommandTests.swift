import Foundation
import OTLPExporter
import Testing

/// Runs the built `otlp-export demo --json` and asserts on the spans its in-process receiver got.
@Suite("otlp-export demo")
struct DemoCommandTests {
    /// A span with the service that exported it.
    struct ReceivedSpan {
        var service: String
        var scope: String
        var span: OTLPDecodedRequest.Span

        func attribute(_ key: String) -> OTLPAnyValue? {
            span.attributes.first { $0.key == key }?.value
        }
    }

    /// Starts `otlp-export` with the test's environment minus `OTEL_*`, plus `environment`.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> OTLPExportCommandTests.Run {
        let binary = try #require(
            OTLPExportCommandTests.binary, "otlp-export not found next to the tests; build with `swift build --build-tests`")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("OTEL_") }
            .merging(environment) { $1 }
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
        return OTLPExportCommandTests.Run(
            process: process,
            standardOutput: ProcessOutputReader(output.fileHandleForReading),
            standardError: ProcessOutputReader(error.fileHandleForReading),
            exitStatus: exitStatus
        )
    }

    static func run(_ arguments: [String]) async throws -> (status: Int32?, spans: [ReceivedSpan], standardError: String) {
        let run = try start(["demo", "--json"] + arguments)
        var statuses = run.exitStatus.makeAsyncIterator()
        let status = await statuses.next()
        let output = await run.standardOutput.allText()
        var spans: [ReceivedSpan] = []
        for line in output.split(separator: "\n") {
            let request = try OTLPDecodedRequest(json: Array(line.utf8))
            for resourceSpans in request.resourceSpans {
                let service = resourceSpans.resource?.attributes.first { $0.key == "service.name" }?.value
                guard case .string(let serviceName) = service else {
                    Issue.record("a resource without service.name")
                    continue
                }
                for scopeSpans in resourceSpans.scopeSpans {
                    for span in scopeSpans.spans {
                        spans.append(ReceivedSpan(service: serviceName, scope: scopeSpans.scope?.name ?? "", span: span))
                    }
                }
            }
        }
        return (status, spans, await run.standardError.allText())
    }

    @Test(
        "demo: one trace per request, client → checkout server → price cart and client → inventory server, with the seed's tags, baggage downstream and the error path as an exception",
        .timeLimit(.minutes(1)),
        arguments: ["w3c", "b3", "jaeger", "ot"]
    )
    func demoTraces(propagation: String) async throws {
        let (status, spans, standardError) = try await Self.run(["--propagation", propagation, "--requests", "3"])
        #expect(status == 0, "\(standardError)")
        #expect(standardError.contains("exported 15 spans to http://127.0.0.1:"))
        #expect(standardError.contains("(\(propagation) propagation)"))
        #expect(spans.count == 15)
        #expect(spans.allSatisfy { $0.scope == "opentracing-shim" })

        let traces = Dictionary(grouping: spans) { $0.span.traceID }
        #expect(traces.count == 3)
        var customers: Set<String> = []
        for (traceID, trace) in traces {
            #expect(trace.count == 5)
            func one(_ service: String, _ name: String) throws -> ReceivedSpan {
                let matches = trace.filter { $0.service == service && $0.span.name == name }
                try #require(matches.count == 1, "\(service) \(name) in trace \(traceID)")
                return matches[0]
            }
            let root = try one("demo-client", "GET /checkout")
            let checkout = try one("checkout", "GET /checkout")
            let pricing = try one("checkout", "price cart")
            let outbound = try one("checkout", "GET /inventory")
            let inventory = try one("inventory", "GET /inventory")

            // The chain, ids consistent.
            #expect(root.span.parentSpanID.isEmpty)
            #expect(checkout.span.parentSpanID == root.span.spanID)
            #expect(pricing.span.parentSpanID == checkout.span.spanID)
            #expect(outbound.span.parentSpanID == checkout.span.spanID)
            #expect(inventory.span.parentSpanID == outbound.span.spanID)
            #expect(Set(trace.map(\.span.spanID)).count == 5)

            // Kinds from the span.kind tag.
            #expect(root.span.kind == .client)
            #expect(checkout.span.kind == .server)
            #expect(pricing.span.kind == .internal)
            #expect(outbound.span.kind == .client)
            #expect(inventory.span.kind == .server)

            // The seed's server-span tags.
            for (server, caller) in [(checkout, "demo-client"), (inventory, "checkout")] {
                guard case .string(let url) = server.attribute("http.url") else {
                    Issue.record("no http.url on \(server.service)")
                    continue
                }
                #expect(url.hasPrefix("http://127.0.0.1:") && url.contains(server.span.name.dropFirst(4)))
                #expect(server.attribute("peer.ipv4") == .string("127.0.0.1"))
                #expect(server.attribute("peer.service") == .string(caller))
                guard case .int(let port) = server.attribute("peer.port") else {
                    Issue.record("no integer peer.port on \(server.service)")
                    continue
                }
                #expect((1...65_535).contains(port))
                #expect(server.attribute("span.kind") == nil)
            }
            #expect(outbound.attribute("peer.service") == .string("inventory"))

            // Baggage set by the client arrives in both services.
            guard case .string(let customer) = checkout.attribute("demo.customer_id") else {
                Issue.record("no baggage tag on checkout in trace \(traceID)")
                continue
            }
            #expect(inventory.attribute("demo.customer_id") == .string(customer))
            customers.insert(customer)

            if customer == "customer-2" {
                // The error path: inventory records the exception, the callers see the failure.
                #expect(inventory.span.status?.code == .error)
                #expect(inventory.attribute("http.status_code") == .int(500))
                #expect(inventory.attribute("error") == nil)
                let exception = try #require(inventory.span.events.first { $0.name == "exception" })
                #expect(
                    exception.attributes.first { $0.key == "exception.message" }?.value
                        == .string("inventory service unavailable for item 'gift-card'"))
                guard case .string(let type) = exception.attributes.first(where: { $0.key == "exception.type" })?.value
                else {
                    Issue.record("no exception.type")
                    continue
                }
                #expect(type.hasSuffix("DemoError"))
                #expect(outbound.span.status?.code == .error)
                #expect(checkout.span.status?.code == .error)
                #expect(checkout.attribute("http.status_code") == .int(502))
            } else {
                #expect(trace.allSatisfy { ($0.span.status?.code ?? .unset) == .unset })
                #expect(inventory.span.events.isEmpty)
                #expect(checkout.attribute("http.status_code") == .int(200))
            }
            #expect(pricing.span.events.map(\.name) == ["price computed"])
        }
        #expect(customers == ["customer-1", "customer-2", "customer-3"])
    }

    @Test("demo --endpoint to an unreachable receiver reports the export failure and exits 1", .timeLimit(.minutes(1)))
    func unreachableEndpoint() async throws {
        // Port 9 (discard) on loopback: nothing listens there in the test environment; a 1 s export timeout.
        let run = try Self.start(
            ["demo", "--requests", "1", "--endpoint", "http://127.0.0.1:9"],
            environment: ["OTEL_EXPORTER_OTLP_TIMEOUT": "1000"])
        var statuses = run.exitStatus.makeAsyncIterator()
        #expect(await statuses.next() == 1)
        let standardError = await run.standardError.allText()
        #expect(standardError.contains("otlp-export demo: could not export 5 of 5 spans to http://127.0.0.1:9/v1/traces"))
        let standardOutput = await run.standardOutput.allText()
        #expect(standardOutput.contains("request 1: GET /checkout?item=book-1 (baggage customer.id=customer-1) → 200 OK"))
    }

    @Test("demo --help describes every option with its default; bad --requests, --endpoint and --propagation are usage errors")
    func helpAndUsageErrors() async throws {
        let help = try Self.start(["demo", "--help"])
        let helpText = await help.standardOutput.allText()
        for expected in [
            "USAGE: otlp-export demo [--requests <requests>] [--propagation <format>] [--endpoint <url>] [--json]",
            "(default: 3)", "(values: w3c, b3,", "jaeger, ot; default: w3c)", "--endpoint <url>", "--json",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "exception",
        ] {
            #expect(helpText.contains(expected), "demo --help mentions \(expected)")
        }
        for (arguments, message) in [
            (["--requests", "0"], "--requests must be between 1 and 1000."),
            (["--endpoint", "ftp://collector"], "--endpoint must be an http:// or https:// URL with a host"),
            (["--propagation", "zipkin"], "The value 'zipkin' is invalid for '--propagation <format>'"),
        ] {
            let run = try Self.start(["demo"] + arguments)
            var statuses = run.exitStatus.makeAsyncIterator()
            #expect(await statuses.next() == 64, "\(arguments)")  // EX_USAGE
            #expect(await run.standardError.allText().contains(message), "\(arguments)")
            #expect(await run.standardOutput.allText().isEmpty)
        }
    }
}

import AsyncHTTPClient
import Foundation
import Logging
import NIOHTTP1
import OTLPExporter
import OTShim
import OTelModel
import OpenTracing

/// One run of `otlp-export demo`: pipelines, services, client requests, shutdown, output.
struct DemoRun {
    enum Outcome: Equatable {
        case succeeded
        case failed(String)
    }

    var requests: Int
    var propagation: DemoPropagation
    var endpointOption: String?
    var json: Bool
    var environment: [String: String]

    /// The traces URL for `--endpoint`: a URL ending in `/v1/traces` is used as is, any other is a base URL.
    static func tracesURL(forEndpointOption option: String) -> String? {
        let endpoint =
            option.contains("/v1/traces") ? OTLPEndpoint(signalURL: option) : OTLPEndpoint(baseURL: option)
        return endpoint?.url
    }

    /// The service names, one tracer provider (and resource) each.
    static let serviceNames = (client: "demo-client", checkout: "checkout", inventory: "inventory")

    func run() async -> Outcome {
        let logger = Logger(label: "otlp-export.demo")
        var environment = environment
        var receiver: OTLPReceiver?
        let collected = DemoReceivedRequests()
        if let endpointOption, let url = Self.tracesURL(forEndpointOption: endpointOption) {
            environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = url
        } else if environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] == nil,
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] == nil
        {
            do {
                receiver = try await OTLPReceiver.bind(configuration: OTLPReceiver.Configuration(port: 0)) { event in
                    if case .received(let received) = event {
                        await collected.append(received.request)
                    }
                }
            } catch {
                return .failed("cannot start the in-process OTLP receiver: \(error)")
            }
            environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = receiver?.tracesURL
            // The point of the embedded mode is to show the spans: export them whatever else is configured.
            environment["OTEL_TRACES_EXPORTER"] = "otlp"
            environment["OTEL_SDK_DISABLED"] = nil
        }

        // One pipeline per service, as three processes would have, built with the one bootstrap call.
        var pipelines: [OTLPTracingPipeline] = []
        for name in [Self.serviceNames.client, Self.serviceNames.checkout, Self.serviceNames.inventory] {
            var serviceEnvironment = environment
            serviceEnvironment["OTEL_SERVICE_NAME"] = name
            do {
                pipelines.append(try OTLPTracing.bootstrap(environment: serviceEnvironment, logger: logger))
            } catch {
                receiver?.shutdown()
                return .failed("cannot build the tracing pipeline: \(error)")
            }
        }
        let configuration = OpenTracingShim.Configuration(propagator: propagation.propagator, logger: logger)
        var providers = pipelines.map(\.provider)
        if propagation.carriesSixtyFourBitTraceIDs, let exporter = pipelines[0].exporter {
            // The client starts every trace: with OT headers its trace ids must fit in 64 bits.
            providers[0] = OTelTracerProvider(
                resource: pipelines[0].provider.resource,
                sampler: pipelines[0].provider.sampler,
                processors: [
                    OTelBatchSpanProcessor(
                        exporter: exporter,
                        configuration: OTelBatchSpanProcessorConfiguration(
                            environment: OTelEnvironment(environment), logger: logger),
                        logger: logger
                    )
                ],
                idGenerator: DemoSixtyFourBitIDGenerator(),
                logger: logger
            )
        }
        let tracers = providers.map { OpenTracingShim.makeTracer(provider: $0, configuration: configuration) }
        let exportURL = pipelines[0].exporter?.configuration.endpoint.url ?? "(no exporter: OTEL_TRACES_EXPORTER)"

        let outcome = await withTaskGroup(of: Void.self) { group -> Outcome in
            if let receiver {
                group.addTask { try? await receiver.run() }
            }
            let result = await driveServices(tracers: tracers, group: &group)
            // Each close flushes its batch processor and shuts its exporter down; concurrently, so that an
            // unreachable endpoint costs one export timeout, not three.
            await withTaskGroup(of: Void.self) { closing in
                for tracer in tracers {
                    closing.addTask { await tracer.close() }
                }
            }
            for pipeline in pipelines where !pipeline.provider.isShutDown {
                await pipeline.provider.shutdown()  // the client's, when replaced for OT headers
            }
            receiver?.shutdown()
            await group.waitForAll()
            return result
        }

        let exported = pipelines.compactMap(\.exporter).map(\.statistics)
        let exportedSpans = exported.map(\.exportedSpans).reduce(0, +)
        let failedSpans = exported.map { $0.droppedSpans + $0.rejectedSpans + $0.oversizedSpans }.reduce(0, +)

        if receiver != nil {
            let received = await collected.requests
            if json {
                for request in received {
                    StandardStreams.write(request.otlpJSON + [UInt8(ascii: "\n")], to: .standardOutput)
                }
            } else {
                let formatter = OTLPTraceTreeFormatter(useColor: OTLPTraceTreeFormatter.useColorForStandardOutput())
                StandardStreams.write(formatter.format(received))
            }
        }
        if failedSpans > 0 {
            let failedRequests = exported.map(\.failedRequests).reduce(0, +)
            return .failed(
                "could not export \(failedSpans) of \(failedSpans + exportedSpans) spans to \(exportURL)"
                    + " (\(failedRequests) failed export requests); is an OTLP/HTTP receiver listening there?"
            )
        }
        report("exported \(exportedSpans) spans to \(exportURL) (\(propagation.rawValue) propagation)\n")
        return outcome
    }

    /// Starts the services, sends the requests, stops the services.
    private func driveServices(
        tracers: [any OpenTracingShimTracer],
        group: inout TaskGroup<Void>
    ) async -> Outcome {
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.tracing.tracer = nil
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let outcome = await driveServices(tracers: tracers, client: client, group: &group)
        try? await client.shutdown()
        return outcome
    }

    private func driveServices(
        tracers: [any OpenTracingShimTracer],
        client: HTTPClient,
        group: inout TaskGroup<Void>
    ) async -> Outcome {
        // Downstream first: checkout needs inventory's port, the client checkout's.
        let inventoryServer: DemoHTTPServer
        let checkoutServer: DemoHTTPServer
        do {
            let inventory = DemoShop(tracer: tracers[2], client: client)
            inventoryServer = try await DemoHTTPServer.bind { await inventory.inventory($0) }
            let checkout = DemoShop(tracer: tracers[1], client: client, inventoryPort: inventoryServer.port)
            checkoutServer = try await DemoHTTPServer.bind { await checkout.checkout($0) }
        } catch {
            return .failed("cannot start the demo services on 127.0.0.1: \(error)")
        }
        group.addTask { try? await checkoutServer.run() }
        group.addTask { try? await inventoryServer.run() }
        defer {
            checkoutServer.shutdown()
            inventoryServer.shutdown()
        }

        // The client code reaches its tracer as OpenTracing code usually does: through the global tracer.
        GlobalTracer.register(tracers[0])
        let shop = DemoShop(tracer: GlobalTracer.shared, client: client, checkoutPort: checkoutServer.port)
        var unexpected: [String] = []
        for index in 1...requests {
            let failing = index == 2
            let item = failing ? DemoShop.failingItem : "book-\(index)"
            let customer = "customer-\(index)"
            let (traceID, status) = await shop.order(item: item, customer: customer)
            let expected: HTTPResponseStatus = failing ? .badGateway : .ok
            report(
                "request \(index): GET /checkout?item=\(item) (baggage \(DemoShop.baggageKey)=\(customer))"
                    + " → \(status.code) \(status.reasonPhrase), trace \(traceID)\n"
            )
            if status != expected {
                unexpected.append("request \(index) got \(status.code), expected \(expected.code)")
            }
        }
        return unexpected.isEmpty ? .succeeded : .failed(unexpected.joined(separator: "; "))
    }

    /// Progress lines: on standard output with trees or an external endpoint, on standard error with `--json`
    /// (standard output then holds only JSON lines).
    private func report(_ line: String) {
        if json {
            StandardStreams.writeError(line)
        } else {
            StandardStreams.write(line)
        }
    }
}

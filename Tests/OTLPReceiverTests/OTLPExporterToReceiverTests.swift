import OTLPExporter
import OTelModel
import Testing

/// The pipeline the demo runs: the library's OTLP/HTTP exporter sending to the local receiver.
@Suite("The OTLP/HTTP exporter's requests are accepted by the receiver")
struct OTLPExporterToReceiverTests {
    static let traceID = TraceID(
        bytes: (0x0A, 0xF7, 0x65, 0x19, 0x16, 0xCD, 0x43, 0xDD, 0x84, 0x48, 0xEB, 0x21, 0x1C, 0x80, 0x31, 0x9C))
    static let serverSpanID = SpanID(bytes: (0xB7, 0xAD, 0x6B, 0x71, 0x69, 0x20, 0x33, 0x31))
    static let clientSpanID = SpanID(bytes: (0x00, 0xF0, 0x67, 0xAA, 0x0B, 0xA9, 0x02, 0xB7))

    static var spans: [OTelFinishedSpan] {
        let resource = OTelResource(attributes: ["service.name": "shop"])
        let scope = OTelInstrumentationScope(name: "opentracing-shim", version: "1.0.0")
        return [
            OTelFinishedSpan(
                context: OTelSpanContext(traceID: traceID, spanID: clientSpanID, traceFlags: .sampled),
                parentSpanID: serverSpanID,
                name: "GET /inventory",
                kind: .client,
                startTime: 1_544_712_660_002_000_000,
                endTime: 1_544_712_660_012_500_000,
                attributes: ["peer.service": "inventory"],
                instrumentationScope: scope,
                resource: resource
            ),
            OTelFinishedSpan(
                context: OTelSpanContext(traceID: traceID, spanID: serverSpanID, traceFlags: .sampled),
                name: "GET /checkout",
                kind: .server,
                startTime: 1_544_712_660_000_000_000,
                endTime: 1_544_712_660_025_000_000,
                attributes: ["http.url": "http://127.0.0.1:8080/checkout", "peer.port": .int(8080)],
                events: [
                    OTelSpanEvent(
                        name: "exception", time: 1_544_712_660_020_000_000,
                        attributes: ["exception.message": "declined"])
                ],
                status: .error(description: "payment failed"),
                instrumentationScope: scope,
                resource: resource
            ),
        ]
    }

    @Test(
        "Every protocol and compression the exporter offers gets 200 and delivers the spans",
        arguments: [
            (OTLPHTTPExporterConfiguration.ExportProtocol.httpProtobuf, OTLPHTTPExporterConfiguration.Compression.none),
            (.httpProtobuf, .gzip),
            (.httpJSON, .none),
            (.httpJSON, .gzip),
        ]
    )
    func exportToReceiver(
        protocol: OTLPHTTPExporterConfiguration.ExportProtocol, compression: OTLPHTTPExporterConfiguration.Compression
    ) async throws {
        try await ReceiverHarness.withReceiver { receiver, log in
            let exporter = try OTLPHTTPSpanExporter(
                configuration: OTLPHTTPExporterConfiguration(
                    endpoint: try #require(OTLPEndpoint(signalURL: receiver.tracesURL)),
                    compression: compression,
                    protocol: `protocol`
                )
            )
            try await exporter.export(Self.spans)
            await exporter.shutdown()

            let received = try #require(log.received.only)
            #expect(received.format == (`protocol` == .httpJSON ? .json : .protobuf))
            #expect(received.gzipped == (compression == .gzip))
            let resourceSpans = try #require(received.request.resourceSpans.only)
            #expect(
                resourceSpans.resource?.attributes.contains(OTLPKeyValue(key: "service.name", value: .string("shop")))
                    == true)
            let spans = try #require(resourceSpans.scopeSpans.only).spans
            #expect(spans.map(\.name) == ["GET /inventory", "GET /checkout"])
            #expect(spans.map(\.kind) == [.client, .server])
            #expect(spans[0].parentSpanID == spans[1].spanID)
            #expect(spans[1].spanID == [0xB7, 0xAD, 0x6B, 0x71, 0x69, 0x20, 0x33, 0x31])
            #expect(spans[1].status == OTLPDecodedRequest.Status(message: "payment failed", code: .error))

            let tree = OTLPTraceTreeFormatter(useColor: false).format(CollectionOfOne(received.request))
            #expect(
                tree.hasPrefix(
                    """
                    trace 0af7651916cd43dd8448eb211c80319c · 2 spans · service shop
                    └─ GET /checkout  SERVER  25.000 ms  span b7ad6b7169203331  ERROR "payment failed"
                    """))
            #expect(tree.contains("   └─ GET /inventory  CLIENT  10.500 ms  span 00f067aa0ba902b7\n"))
        }
    }
}

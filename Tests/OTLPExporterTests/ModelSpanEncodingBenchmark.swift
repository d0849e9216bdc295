import Foundation
import OTLPExporter
import OTelModel
import Testing

/// Encoding throughput on the architecture.md workload (512 spans, 6 attributes, 1 event, 30% with a link).
/// Run it in release: `OTLP_BENCHMARK=1 swift test -c release --filter ModelSpanEncodingBenchmark`.
@Suite("OTLP encoding benchmark (release builds, OTLP_BENCHMARK=1)")
struct ModelSpanEncodingBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["OTLP_BENCHMARK"] == "1"

    static func workload() -> [OTelFinishedSpan] {
        (0..<512).map { index in
            var span = ModelSpanFixtures.simple(
                seed: UInt64(index + 1),
                name: "GET /api/users/{id}",
                attributes: [
                    "http.request.method": "GET", "http.route": "/api/users/{id}", "http.response.status_code": 200,
                    "server.address": "api.example.com", "net.peer.port": 443, "user.premium": true,
                ]
            )
            span.parentSpanID = ModelSpanFixtures.spanID(UInt64(10_000 + index))
            span.events = [OTelSpanEvent(name: "cache.miss", time: 1_500, attributes: ["cache.key": "user:42"])]
            if index % 10 < 3 {
                span.links = [
                    OTelSpanLink(
                        context: OTelSpanContext(
                            traceID: ModelSpanFixtures.traceID(7),
                            spanID: ModelSpanFixtures.spanID(5)
                        )
                    )
                ]
            }
            return span
        }
    }

    @Test("protobuf encoding of a 512-span batch: median ns/span over 31 runs", .enabled(if: enabled))
    func protobufThroughput() {
        let spans = Self.workload()
        var encoder = OTLPProtobufEncoder()
        encoder.encode(spans)  // warm up: grow the buffer and the grouping arrays
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<31 {
            let start = clock.now
            for _ in 0..<20 { encoder.encode(spans) }
            let elapsed = clock.now - start
            samples.append(
                Double(elapsed.components.attoseconds) / 1e9 / Double(20 * spans.count)
                    + Double(elapsed.components.seconds) * 1e9 / Double(20 * spans.count)
            )
        }
        samples.sort()
        let median = samples[samples.count / 2]
        print("OTLP protobuf encode: \(Int(median)) ns/span, \(encoder.encodedByteCount / spans.count) bytes/span")
        #expect(median < 5_000, "a loose bound: the figure printed above is the result")
    }
}

public import OTelModel

/// Finished spans shaped like the codec measurement in architecture.md: 6 attributes (strings, integers, a boolean),
/// one event with one attribute, a link on 30 % of the spans, one resource and one scope; about 420 bytes each on the
/// wire.
public enum SpanBatchFactory {
    /// `count` spans of one trace, children of one root, with distinct span ids and times.
    public static func makeBatch(count: Int) -> [OTelFinishedSpan] {
        let resource = OTelResource(
            attributes: [
                "service.name": .string("checkout"),
                "service.version": .string("2.14.1"),
                "host.name": .string("bench-host-01"),
                "telemetry.sdk.language": .string("swift"),
            ]
        )
        let scope = OTelInstrumentationScope(name: "opentracing-shim", version: "1.0.0")
        let traceID = TraceID(bytes: (0x4B, 0xF9, 0x2F, 0x35, 0x77, 0xB3, 0x4D, 0xA6, 0xA3, 0xCE, 0x92, 0x9D, 0x0E, 0x0E, 0x47, 0x36))
        let rootID = SpanID(bytes: (0x00, 0xF0, 0x67, 0xAA, 0x0B, 0xA9, 0x02, 0xB7))
        let linkedContext = OTelSpanContext(
            traceID: TraceID(bytes: (9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6)),
            spanID: SpanID(bytes: (1, 1, 2, 3, 5, 8, 13, 21)),
            traceFlags: .sampled
        )
        let start: UInt64 = 1_764_480_000_000_000_000
        return (0..<count).map { index in
            let n = UInt64(index)
            let spanID = SpanID(
                bytes: (0x10, 0x20, UInt8(truncatingIfNeeded: n >> 40), UInt8(truncatingIfNeeded: n >> 32),
                        UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16),
                        UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n))
            )
            let begin = start + n * 1_000_000
            return OTelFinishedSpan(
                context: OTelSpanContext(traceID: traceID, spanID: spanID, traceFlags: .sampled),
                parentSpanID: rootID,
                name: "GET /api/v1/users/:id/orders",
                kind: .server,
                startTime: begin,
                endTime: begin + 734_512,
                attributes: [
                    "http.method": .string("GET"),
                    "http.url": .string("https://shop.example.com/api/v1/users/\(index)/orders?page=2"),
                    "http.status_code": .int(200),
                    "net.peer.name": .string("10.1.2.3"),
                    "cache.hit": .bool(index % 2 == 0),
                    "user.id": .int(Int64(100_000 + index)),
                ],
                events: [
                    OTelSpanEvent(name: "cache miss", time: begin + 120_000, attributes: ["cache.key": .string("user:\(index)")])
                ],
                links: index % 10 < 3 ? [OTelSpanLink(context: linkedContext, attributes: ["opentracing.ref_type": .string("follows_from")])] : [],
                status: .unset,
                instrumentationScope: scope,
                resource: resource
            )
        }
    }
}

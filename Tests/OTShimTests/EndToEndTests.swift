import OTShim
import OTelModel
import OpenTracing
import Testing

@Suite("End to end: the seed's request flow, in memory")
struct EndToEndTests {
    static let upstreamTrace = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let upstreamSpan = "00f067aa0ba902b7"
    static let incoming = [
        "Traceparent": "00-\(upstreamTrace)-\(upstreamSpan)-01",
        "Baggage": "tenant=acme",
        "Content-Type": "application/json",
    ]

    /// The instrumented handler, written against OpenTracing only, as existing call sites are.
    static func handle(_ incoming: [String: String], tracer: any OpenTracing.Tracer) throws -> [String: String] {
        let upstream = try tracer.extract(format: .httpHeaders, from: incoming)
        let scope = tracer.startActiveSpan(
            "GET /orders",
            childOf: upstream,
            tags: [
                SpanTag.spanKind: SpanTag.SpanKind.rpcServer, SpanTag.httpURL: "http://shop.local/orders?id=7",
                SpanTag.peerIPv4: "10.0.0.7", SpanTag.peerService: "frontend", SpanTag.peerPort: 54_321,
            ]
        )
        defer { scope.close() }
        let outbound = tracer.startSpan(
            "GET /inventory",
            tags: [
                SpanTag.spanKind: SpanTag.SpanKind.rpcClient, SpanTag.httpURL: "http://inventory.local/items/7",
                SpanTag.peerService: "inventory", SpanTag.peerPort: 8080,
            ]
        )
        defer { outbound.finish() }
        var outgoing: [String: String] = [:]
        try tracer.inject(outbound.context, format: .httpHeaders, into: &outgoing)
        return outgoing
    }

    static func verify(_ fixture: ShimFixture, outgoing: [String: String]) async throws {
        let spans = try await fixture.exportedSpans()
        #expect(spans.map(\.name) == ["GET /inventory", "GET /orders"])
        let server = try await fixture.exportedSpan(named: "GET /orders")
        let client = try await fixture.exportedSpan(named: "GET /inventory")

        #expect(server.context.traceID.hexString == upstreamTrace)
        #expect(server.parentSpanID?.hexString == upstreamSpan)
        #expect(server.parentIsRemote)
        #expect(server.kind == .server)
        #expect(server.attributes["http.url"] == .string("http://shop.local/orders?id=7"))
        #expect(server.attributes["peer.ipv4"] == .string("10.0.0.7"))
        #expect(server.attributes["peer.service"] == .string("frontend"))
        #expect(server.attributes["peer.port"] == .int(54_321))
        #expect(server.attributes.count == 4)
        #expect(server.links.map(\.context.spanID.hexString) == [upstreamSpan])
        #expect(server.links.first?.attributes["opentracing.ref_type"] == .string("child_of"))

        #expect(client.context.traceID.hexString == upstreamTrace)
        #expect(client.parentSpanID == server.context.spanID)
        #expect(!client.parentIsRemote)
        #expect(client.kind == .client)
        #expect(client.attributes["http.url"] == .string("http://inventory.local/items/7"))
        #expect(client.attributes["peer.service"] == .string("inventory"))
        #expect(client.attributes["peer.port"] == .int(8080))
        #expect(client.links.isEmpty)

        #expect(outgoing["traceparent"] == "00-\(upstreamTrace)-\(client.context.spanID.hexString)-01")
        #expect(outgoing["baggage"] == "tenant=acme")
        #expect(server.instrumentationScope.name == "opentracing-shim")
    }

    @Test("a handler extracts, serves under an active server span, and injects an outbound client span (threads)")
    func handlerOnThread() async throws {
        let fixture = ShimFixture()
        let outgoing = try await onNewThread { Result { try Self.handle(Self.incoming, tracer: fixture.tracer) } }.get()
        try await Self.verify(fixture, outgoing: outgoing)
    }

    @Test("the same flow in an async handler with structured activation across awaits")
    func asyncHandler() async throws {
        let fixture = ShimFixture()
        let tracer = fixture.tracer
        let upstream = try tracer.extract(format: .httpHeaders, from: Self.incoming)
        let outgoing = try await tracer.withActiveSpan(
            "GET /orders",
            childOf: upstream,
            tags: [
                SpanTag.spanKind: SpanTag.SpanKind.rpcServer, SpanTag.httpURL: "http://shop.local/orders?id=7",
                SpanTag.peerIPv4: "10.0.0.7", SpanTag.peerService: "frontend", SpanTag.peerPort: 54_321,
            ]
        ) { _ in
            await hopThreads()
            return try await Task {
                let outbound = tracer.startSpan(
                    "GET /inventory",
                    tags: [
                        SpanTag.spanKind: SpanTag.SpanKind.rpcClient, SpanTag.httpURL: "http://inventory.local/items/7",
                        SpanTag.peerService: "inventory", SpanTag.peerPort: 8080,
                    ]
                )
                defer { outbound.finish() }
                await hopThreads()
                var outgoing: [String: String] = [:]
                try tracer.inject(outbound.context, format: .httpHeaders, into: &outgoing)
                return outgoing
            }.value
        }
        try await Self.verify(fixture, outgoing: outgoing)
    }

    @Test("OT-3 OpenTracing semantic-convention tags are kept under their own names, not mapped")
    func noSemanticConventionMapping() async throws {
        let fixture = ShimFixture()
        let tags: [String: TagValue] = [
            "component": "grpc", "db.instance": "orders", "db.statement": "SELECT 1", "db.type": "sql",
            "db.user": "app", "http.method": "GET", "http.status_code": 200, "message_bus.destination": "topic",
            "peer.address": "db:5432", "peer.hostname": "db", "peer.ipv6": "::1", "sampling.priority": 1,
        ]
        fixture.tracer.startSpan("conventions", tags: tags).finish()
        let span = try await fixture.exportedSpan(named: "conventions")
        #expect(span.attributes.count == tags.count)
        for (key, value) in tags {
            #expect(span.attributes[key] == TagValue.attributeValue(of: value), "\(key)")
        }
        #expect(span.kind == .internal)
    }

    @Test("OT-1 the shim uses only OTelModel's public API (no @testable, @_spi or package access)")
    func publicAPIOnly() throws {
        let sources = try SourceTree.files(under: "Sources/OTShim")
        for (path, text) in sources {
            #expect(!text.contains("@testable"), "\(path)")
            #expect(!text.contains("@_spi"), "\(path)")
            #expect(!text.contains("package import"), "\(path)")
        }
    }
}

extension TagValue {
    /// The attribute value the shim is expected to record for a primitive tag.
    static func attributeValue(of value: TagValue) -> OTelAttributeValue? {
        switch value {
        case .string(let v): .string(v)
        case .bool(let v): .bool(v)
        case .int(let v): .int(v)
        case .double(let v): .double(v)
        default: nil
        }
    }
}

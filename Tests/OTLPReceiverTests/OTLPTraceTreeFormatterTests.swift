import Foundation
import OTLPExporter
import Testing

@Suite("Trace trees: spans grouped by trace, parent over child, for a terminal")
struct OTLPTraceTreeFormatterTests {
    @Test("The fixed trace prints as this exact text without colour (golden)")
    func golden() {
        let text = OTLPTraceTreeFormatter(useColor: false).format(CollectionOfOne(ReceiverTestFixtures.request))
        let expected = """
            trace 0af7651916cd43dd8448eb211c80319c · 4 spans · service shop
            ├─ GET /checkout  SERVER  25.000 ms  span b7ad6b7169203331  ERROR "payment failed"
            │  │ http.url = "http://127.0.0.1:8080/checkout"
            │  │ peer.ipv4 = "127.0.0.1"
            │  │ peer.port = 8080
            │  │ error = true
            │  │ event exception at +20.000 ms
            │  │   exception.type = "PaymentError"
            │  │   exception.message = "card \\"declined\\""
            │  └─ GET /inventory  CLIENT  10.500 ms  span 00f067aa0ba902b7
            │     │ http.method = "GET"
            │     │ peer.service = "inventory"
            │     └─ inventory.lookup  SERVER  8.250 ms  span 53995c3f42cd8ad8  OK
            │          items = [3, "sku-1"]
            │          link follows_from → span 00f067aa0ba902b7
            └─ cache.refresh  INTERNAL  0.042 ms  span 1111111111111111  (parent 2222222222222222 not present)
                 ratio = 0.5

            """
        #expect(text == expected)
    }

    @Test(
        "Traces are separate blocks in order of their first start; spans of a trace from several requests form one tree"
    )
    func groupingAcrossRequests() throws {
        let spans = ReceiverTestFixtures.request.resourceSpans[0].scopeSpans[0].spans
        let other = OTLPDecodedRequest.Span(
            traceID: [UInt8](repeating: 0xEE, count: 16), spanID: [1, 2, 3, 4, 5, 6, 7, 8], traceState: "",
            parentSpanID: [], flags: 0,
            name: "earlier", kind: .producer, startTimeUnixNano: 1, endTimeUnixNano: 2_000_001, attributes: [],
            droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0, status: nil
        )
        let requests = [[spans[0], spans[1]], [other, spans[2]]].map { batch in
            OTLPDecodedRequest(resourceSpans: [
                .init(resource: nil, scopeSpans: [.init(scope: nil, spans: batch, schemaURL: "")], schemaURL: "")
            ])
        }
        let tree = OTLPTraceTree(requests: requests)
        #expect(tree.traces.map(\.traceID) == [[UInt8](repeating: 0xEE, count: 16), ReceiverTestFixtures.traceID])
        let trace = tree.traces[1]
        let root = try #require(trace.roots.only)
        #expect(trace.spans[root].span.name == "GET /checkout")
        #expect(trace.spans[root].placement == .root)
        let client = try #require(trace.spans[root].children.only)
        #expect(trace.spans[client].span.name == "GET /inventory")
        #expect(trace.spans[trace.spans[client].children.only ?? -1].span.name == "inventory.lookup")
        #expect(
            OTLPTraceTreeFormatter(useColor: false).format(tree).hasPrefix(
                """
                trace eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee · 1 span
                └─ earlier  PRODUCER  2.000 ms  span 0102030405060708
                trace 0af7651916cd43dd8448eb211c80319c · 3 spans
                """))
    }

    @Test("Every span is printed once even when parents form a cycle or ids repeat")
    func cyclesAndDuplicates() {
        func span(_ id: UInt8, parent: UInt8?, name: String) -> OTLPDecodedRequest.Span {
            OTLPDecodedRequest.Span(
                traceID: [UInt8](repeating: 1, count: 16), spanID: [UInt8](repeating: id, count: 8), traceState: "",
                parentSpanID: parent.map { [UInt8](repeating: $0, count: 8) } ?? [], flags: 0, name: name,
                kind: .internal,
                startTimeUnixNano: UInt64(id), endTimeUnixNano: UInt64(id), attributes: [], droppedAttributesCount: 0,
                events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0, status: nil
            )
        }
        let spans = [
            span(2, parent: 3, name: "a"), span(3, parent: 2, name: "b"), span(4, parent: 4, name: "self"),
            span(5, parent: nil, name: "root"), span(5, parent: nil, name: "twin"),
        ]
        let request = OTLPDecodedRequest(resourceSpans: [
            .init(resource: nil, scopeSpans: [.init(scope: nil, spans: spans, schemaURL: "")], schemaURL: "")
        ])
        let tree = OTLPTraceTree(request: request)
        let trace = tree.traces[0]
        #expect(trace.roots.count + trace.spans.map(\.children.count).reduce(0, +) == 5)
        #expect(trace.spans.map(\.placement) == [.parentCycle, .child, .parentCycle, .root, .root])
        let text = OTLPTraceTreeFormatter(useColor: false).format(tree)
        for name in ["a", "b", "self", "root", "twin"] {
            #expect(text.components(separatedBy: "─ \(name)  ").count == 2, "\(name) printed once")
        }
        #expect(text.contains("(parent chain loops)"))
    }

    @Test("Wire text cannot drive the terminal: control characters in names, keys and values are escaped")
    func controlCharactersEscaped() {
        var request = ReceiverTestFixtures.request
        request.resourceSpans[0].scopeSpans[0].spans[2].name = "evil\u{1B}[2J"
        request.resourceSpans[0].scopeSpans[0].spans[2].attributes = [
            OTLPKeyValue(key: "k\u{7}", value: .string("line\nbreak\u{9B}"))
        ]
        let text = OTLPTraceTreeFormatter(useColor: false).format(CollectionOfOne(request))
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{9B}" })
        #expect(text.contains(#"evil\u001b[2J  SERVER"#))
        #expect(text.contains(#"k\u0007 = "line\nbreak\u009b""#))
    }

    @Test("Colour is ANSI SGR only when asked for; NO_COLOR or a non-terminal turns it off")
    func colour() {
        let plain = OTLPTraceTreeFormatter(useColor: false).format(CollectionOfOne(ReceiverTestFixtures.request))
        let coloured = OTLPTraceTreeFormatter(useColor: true).format(CollectionOfOne(ReceiverTestFixtures.request))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1mGET /checkout\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[31mERROR\u{1B}[0m"))
        // Removing the escape sequences gives the plain text back.
        #expect(coloured.replacing(/\x1B\[[0-9;]*m/, with: "") == plain)
        // Under `swift test` standard output is not a terminal.
        #expect(!OTLPTraceTreeFormatter.useColorForStandardOutput(environment: [:]))
    }
}

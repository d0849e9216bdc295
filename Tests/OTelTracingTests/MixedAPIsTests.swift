import OTelModel
import OTelTracing
import OpenTracing
import Testing
import Tracing

/// The Go bridge's `TestMixedAPIs` matrix (opentelemetry-go `bridge/opentracing/mix_test.go`), adapted: three
/// nested spans alternating the APIs, in both orders, for five properties.
@Suite("Mixed APIs (Go TestMixedAPIs, adapted)")
struct MixedAPIsTests {
    enum API: Sendable, CustomTestStringConvertible {
        case openTracing, distributed
        var testDescription: String { self == .openTracing ? "OT" : "SDT" }
    }

    /// OT → SDT → OT and SDT → OT → SDT.
    static let orders: [[API]] = [[.openTracing, .distributed, .openTracing], [.distributed, .openTracing, .distributed]]

    /// The kinds the three levels use (client, internal, producer), as in the Go test.
    static let kinds: [SpanKind] = [.client, .internal, .producer]
    static let openTracingKindTags: [String?] = ["client", nil, "producer"]

    /// What a level does: the baggage it adds (through its own API) and the check it runs inside its span.
    struct Hooks: Sendable {
        var baggage: @Sendable (_ level: Int) -> [(String, String)] = { _ in [] }
        var visit: @Sendable (_ level: Int, _ api: API, _ spanID: String) -> Void = { _, _, _ in }
    }

    /// Runs the levels from `level` on, each nested in the previous one.
    static func run(_ apis: [API], level: Int = 0, fixture: MixedFixture, hooks: Hooks) async {
        guard level < apis.count else { return }
        let name = "level-\(level)"
        switch apis[level] {
        case .openTracing:
            var tags: [String: TagValue] = [:]
            if let kind = openTracingKindTags[level] { tags[SpanTag.spanKind] = .string(kind) }
            let span = fixture.ot.startSpan(name, tags: tags)
            for (key, value) in hooks.baggage(level) { span.setBaggageItem(key, value) }
            let scope = fixture.ot.scopeManager.activate(span, finishOnClose: true)
            await Task.yield()
            hooks.visit(level, .openTracing, span.context.spanID)
            await run(apis, level: level + 1, fixture: fixture, hooks: hooks)
            scope.close()
        case .distributed:
            await fixture.sdt.withSpan(name, ofKind: kinds[level]) { span in
                var context = InstrumentationContext.current ?? .topLevel
                var baggage = context.otelBaggage
                for (key, value) in hooks.baggage(level) { baggage = baggage.setting(name: key, value: value) }
                context.otelBaggage = baggage
                await InstrumentationContext.$current.withValue(context) {
                    await Task.yield()
                    hooks.visit(level, .distributed, span.otelSpan.context.spanID.hexString)
                    await run(apis, level: level + 1, fixture: fixture, hooks: hooks)
                }
            }
        }
    }

    @Test("simple: one trace, a parent chain, and each level's span kind", arguments: orders)
    func simple(apis: [API]) async throws {
        let fixture = MixedFixture()
        await Self.run(apis, fixture: fixture, hooks: Hooks())
        let spans = try await fixture.exportedSpans()
        expectChain(["level-0", "level-1", "level-2"], in: spans)
        let kinds = Dictionary(spans.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        #expect(kinds == ["level-0": .client, "level-1": .internal, "level-2": .producer])
    }

    @Test("current span: at every level OTel's current span, SDT's active span and OT's active span agree",
        arguments: orders)
    func activeSpanAgreement(apis: [API]) async throws {
        let fixture = MixedFixture()
        let visited = LockedCounter()
        await Self.run(
            apis, fixture: fixture,
            hooks: Hooks(visit: { level, _, spanID in
                visited.increment()
                #expect(currentOTelSpanID() == spanID, "level \(level)")
                #expect(currentDistributedSpanID(fixture.sdt) == spanID, "level \(level)")
                #expect(activeOpenTracingSpanID(fixture.ot) == spanID, "level \(level)")
            })
        )
        #expect(visited.value == 3)
        #expect(fixture.ot.activeSpan == nil)
        #expect(currentOTelSpanID() == nil)
    }

    private enum RequestIDKey: InstrumentationContextKey {
        typealias Value = String
    }

    @Test("context intact: other values of the instrumentation context survive both layers", arguments: orders)
    func contextIntact(apis: [API]) async throws {
        let fixture = MixedFixture()
        var context = InstrumentationContext.topLevel
        context[RequestIDKey.self] = "req-17"
        let visited = LockedCounter()
        await InstrumentationContext.$current.withValue(context) {
            await Self.run(
                apis, fixture: fixture,
                hooks: Hooks(visit: { level, _, _ in
                    visited.increment()
                    #expect(InstrumentationContext.current?[RequestIDKey.self] == "req-17", "level \(level)")
                })
            )
        }
        #expect(visited.value == 3)
    }

    @Test("baggage items preservation: items set at each level accumulate, seen by both APIs", arguments: orders)
    func baggagePreservation(apis: [API]) async throws {
        let fixture = MixedFixture()
        await Self.run(
            apis, fixture: fixture,
            hooks: Hooks(
                baggage: { level in [("item-\(level)", "value-\(level)")] },
                visit: { level, _, _ in
                    for earlier in 0...level {
                        #expect(fixture.ot.activeSpan?.baggageItem("item-\(earlier)") == "value-\(earlier)")
                        #expect((InstrumentationContext.current ?? .topLevel).otelBaggage["item-\(earlier)"] == "value-\(earlier)")
                        #expect(OTelContext.current.baggage["item-\(earlier)"] == "value-\(earlier)")
                    }
                    #expect(OTelContext.current.baggage.count == level + 1)
                }
            )
        )
    }

    @Test("baggage interoperation: items set through one API are visible to and injected by the other",
        arguments: orders)
    func baggageInteroperation(apis: [API]) async throws {
        let fixture = MixedFixture()
        let innermost = LockedValue<(ot: [String: String], sdt: [String: String])?>(nil)
        await Self.run(
            apis, fixture: fixture,
            hooks: Hooks(
                baggage: { level in [("a-\(level)", "\(level)"), ("b-\(level)", "\(level * 10)")] },
                visit: { level, api, _ in
                    let items = Dictionary(
                        uniqueKeysWithValues: OTelContext.current.baggage.map { ($0.name, $0.value) })
                    #expect(items.count == 2 * (level + 1))
                    var fromOpenTracing: [String: String] = [:]
                    fixture.ot.activeSpan?.context.forEachBaggageItem { fromOpenTracing[$0] = $1 }
                    #expect(fromOpenTracing == items, "level \(level), set through \(api)")
                    guard level == 2, let active = fixture.ot.activeSpan else { return }
                    var otCarrier: [String: String] = [:]
                    try? fixture.ot.inject(active.context, format: .httpHeaders, into: &otCarrier)
                    var sdtCarrier: [String: String] = [:]
                    fixture.sdt.inject(
                        InstrumentationContext.current ?? .topLevel, into: &sdtCarrier, using: DictionaryInjector())
                    innermost.set((otCarrier, sdtCarrier))
                }
            )
        )
        let carriers = try #require(innermost.value)
        let expected = ["a-0": "0", "b-0": "0", "a-1": "1", "b-1": "10", "a-2": "2", "b-2": "20"]
        #expect(parseBaggageHeader(carriers.ot["baggage"]) == expected)
        #expect(parseBaggageHeader(carriers.sdt["baggage"]) == expected)
        #expect(carriers.ot["traceparent"] == carriers.sdt["traceparent"])
    }
}

/// `name=value` pairs of a W3C baggage header (no properties, no percent-encoding in these tests).
func parseBaggageHeader(_ header: String?) -> [String: String] {
    guard let header else { return [:] }
    var items: [String: String] = [:]
    for member in header.split(separator: ",") {
        let parts = member.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { continue }
        items[parts[0].trimmingCharacters(in: " ")] = parts[1].trimmingCharacters(in: " ")
    }
    return items
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop(while: { $0 == character }).reversed().drop(while: { $0 == character }).reversed())
    }
}

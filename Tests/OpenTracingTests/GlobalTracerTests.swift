import OpenTracing
import Testing

@Suite("GlobalTracer", .serialized)
struct GlobalTracerTests {
    @Test("the global tracer is a no-op until registered, and only the first registration counts")
    func registerOnce() {
        GlobalTracer.resetForTesting()
        defer { GlobalTracer.resetForTesting() }
        #expect(!GlobalTracer.isRegistered)
        #expect(GlobalTracer.shared === NoopTracer.shared)

        let first = MockTracer()
        let second = MockTracer()
        #expect(GlobalTracer.register(first))
        #expect(GlobalTracer.isRegistered)
        #expect(GlobalTracer.shared === first)
        #expect(GlobalTracer.register(first), "registering the registered tracer again is not an error")
        #expect(!GlobalTracer.register(second))
        #expect(GlobalTracer.shared === first)

        GlobalTracer.shared.startSpan("via global").finish()
        #expect(first.finishedSpans.map(\.operationName) == ["via global"])
        #expect(second.finishedSpans.isEmpty)
    }

    @Test("concurrent registrations: exactly one succeeds, and every reader sees that tracer afterwards")
    func concurrentRegistration() async throws {
        GlobalTracer.resetForTesting()
        defer { GlobalTracer.resetForTesting() }
        let tracers = (0..<32).map { _ in MockTracer() }
        let winners = await withTaskGroup(of: Int?.self) { group in
            for (index, tracer) in tracers.enumerated() {
                group.addTask { GlobalTracer.register(tracer) ? index : nil }
            }
            return await group.reduce(into: [Int]()) { if let index = $1 { $0.append(index) } }
        }
        #expect(winners.count == 1)
        let winner = try #require(winners.first)
        #expect(GlobalTracer.shared === tracers[winner])
    }
}

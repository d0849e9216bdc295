import OpenTracing
import Testing

@Suite("GlobalTracer")
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
}

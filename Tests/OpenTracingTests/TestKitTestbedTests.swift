import OpenTracing
import OpenTracingTestKit
import Testing

@Suite("OpenTracing testbed scenarios")
struct TestKitTestbedTests {
    @Test("MockTracer passes", arguments: TestbedScenario.all)
    func mockTracer(_ scenario: TestbedScenario) async throws {
        try await scenario.run { scopeManager in MockTracerHarness(scopeManager: scopeManager) }
    }

    @Test("all ten scenarios exist in both variants")
    func everyScenarioHasBothVariants() {
        let expected: Set<String> = [
            "active_span_replacement", "actor_propagation", "client_server", "common_request_handler",
            "late_span_finish", "listener_per_request", "multiple_callbacks", "nested_callbacks",
            "promise_propagation", "suspend_resume_propagation",
        ]
        for variant in TestbedScenario.Variant.allCases {
            #expect(Set(TestbedScenario.all.filter { $0.variant == variant }.map(\.name)) == expected)
        }
        #expect(TestbedScenario.all.count == 20)
    }
}

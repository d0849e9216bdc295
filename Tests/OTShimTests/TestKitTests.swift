import OTShim
import OpenTracing
import OpenTracingTestKit
import Testing

@Suite("OpenTracing test kit against the shim (exported OpenTelemetry spans)")
struct TestKitTests {
    @Test("the OpenTracing API compatibility suite passes against the shim", arguments: APICompatibilityCheck.all)
    func compatibility(_ check: APICompatibilityCheck) async throws {
        try await check.run(OTShimHarness())
    }

    @Test("every testbed scenario passes against the shim, threads and concurrency", arguments: TestbedScenario.all)
    func testbed(_ scenario: TestbedScenario) async throws {
        // The shim brings its own scope manager (over the OpenTelemetry context), which behaves as both of the
        // kit's: per thread outside tasks, per task inside, structured bindings reaching child tasks.
        try await scenario.run { _ in OTShimHarness() }
    }
}

import OpenTracing
import OpenTracingTestKit
import Testing

@Suite("OpenTracing API compatibility suite")
struct TestKitCompatibilityTests {
    @Test("MockTracer with ThreadLocalScopeManager passes", arguments: APICompatibilityCheck.all)
    func mockTracerWithThreadLocalScopes(_ check: APICompatibilityCheck) async throws {
        try await check.run(MockTracerHarness(scopeManager: ThreadLocalScopeManager()))
    }

    @Test("MockTracer with TaskScopeManager passes", arguments: APICompatibilityCheck.all)
    func mockTracerWithTaskScopes(_ check: APICompatibilityCheck) async throws {
        try await check.run(MockTracerHarness(scopeManager: TaskScopeManager()))
    }

    @Test("NoopTracer passes", arguments: APICompatibilityCheck.all)
    func noopTracer(_ check: APICompatibilityCheck) async throws {
        try await check.run(NoopTracerHarness())
    }

    @Test("check names are unique")
    func checkNamesAreUnique() {
        let names = APICompatibilityCheck.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count >= 30)
    }
}

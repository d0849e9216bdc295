import OpenTracing
import OpenTracingTestKit
import Testing

/// The kit is only useful if it fails for tracers that break the rules; these tests feed it broken harnesses.
@Suite("Test kit failure detection")
struct TestKitFailureDetectionTests {
    /// A no-op tracer that claims every capability, so every recorded-data expectation must fail.
    struct OverclaimingHarness: TracerHarness {
        let tracer: any Tracer = NoopTracer()
        var capabilities: TracerCapabilities { .all }
        func finishedSpans() async throws -> [RecordedSpan] { [] }
        func reset() async throws {}
    }

    /// A MockTracer harness that reports times rounded down to microseconds, as a lossy exporter would.
    struct MicrosecondHarness: TracerHarness {
        let base = MockTracerHarness()
        var tracer: any Tracer { base.tracer }
        var capabilities: TracerCapabilities { base.capabilities }
        func finishedSpans() async throws -> [RecordedSpan] {
            try await base.finishedSpans().map { span in
                var span = span
                span.startTime.nanosecondsSinceEpoch -= span.startTime.nanosecondsSinceEpoch % 1_000
                span.finishTime.nanosecondsSinceEpoch -= span.finishTime.nanosecondsSinceEpoch % 1_000
                return span
            }
        }
        func reset() async throws { try await base.reset() }
    }

    /// A MockTracer harness that reports spans with only follows-from references as roots (the Go bridge's bug).
    struct FollowsFromIgnoringHarness: TracerHarness {
        let base: MockTracerHarness
        var tracer: any Tracer { base.tracer }
        var capabilities: TracerCapabilities { base.capabilities }
        func finishedSpans() async throws -> [RecordedSpan] {
            try await base.finishedSpans().map { span in
                var span = span
                if span.references.allSatisfy({ $0.kind == .followsFrom }) { span.parentSpanID = nil }
                return span
            }
        }
        func reset() async throws { try await base.reset() }
    }

    private func check(named name: String) throws -> APICompatibilityCheck {
        try #require(APICompatibilityCheck.all.first { $0.name == name })
    }

    private func scenario(_ name: String, _ variant: TestbedScenario.Variant) throws -> TestbedScenario {
        try #require(TestbedScenario.all.first { $0.name == name && $0.variant == variant })
    }

    @Test("a tracer that loses baggage fails the baggage check, naming the item")
    func lostBaggageIsReported() async throws {
        let check = try check(named: "a baggage item set on a span is read back from the span and its context")
        let failure = await #expect(throws: ExpectationFailure.self) {
            try await check.run(OverclaimingHarness())
        }
        let messages = failure?.issues.map(\.message) ?? []
        #expect(messages.contains(#"baggage item 'Kiff-loves': expected "Amy", got nil"#))
        #expect(failure?.subject == check.name)
    }

    @Test("a tracer that records no spans fails a span check with the count it found")
    func missingSpansAreReported() async throws {
        let check = try check(named: "a started span is recorded once, when it is first finished")
        let failure = await #expect(throws: ExpectationFailure.self) {
            try await check.run(OverclaimingHarness())
        }
        let messages = failure?.issues.map(\.message) ?? []
        #expect(messages.contains("finished spans after finishing one span twice: expected 1, got 0"))
    }

    @Test("a harness that rounds times to microseconds fails the exact-timestamp check")
    func lossyTimestampsAreReported() async throws {
        let check = try check(named: "explicit start and finish timestamps are kept to the nanosecond")
        let failure = await #expect(throws: ExpectationFailure.self) {
            try await check.run(MicrosecondHarness())
        }
        let messages = failure?.issues.map(\.message) ?? []
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("start time: expected ") == true)
    }

    @Test("a harness that already holds spans is rejected as not fresh")
    func staleHarnessIsRejected() async throws {
        let harness = MockTracerHarness()
        harness.tracer.startSpan("left over").finish()
        let failure = await #expect(throws: ExpectationFailure.self) {
            try await APICompatibilityCheck.all[0].run(harness)
        }
        #expect(failure?.issues.first?.message == "the harness must be fresh, but it already holds 1 finished span(s)")
    }

    @Test("a testbed scenario fails against a tracer that records nothing")
    func scenarioDetectsMissingSpans() async throws {
        for variant in TestbedScenario.Variant.allCases {
            let scenario = try scenario("late_span_finish", variant)
            let failure = await #expect(throws: ExpectationFailure.self) {
                try await scenario.run { _ in OverclaimingHarness() }
            }
            #expect(failure?.issues.map(\.message).contains("expected 3 finished spans, found []") == true)
        }
    }

    @Test("a tracer that does not parent follows-from references fails multiple_callbacks in both variants")
    func scenarioDetectsFollowsFromBug() async throws {
        for variant in TestbedScenario.Variant.allCases {
            let scenario = try scenario("multiple_callbacks", variant)
            let failure = await #expect(throws: ExpectationFailure.self) {
                try await scenario.run { FollowsFromIgnoringHarness(base: MockTracerHarness(scopeManager: $0)) }
            }
            let parentFailures = failure?.issues.filter { $0.message.hasPrefix("parent of 'subtask'") } ?? []
            #expect(parentFailures.count == 3)
        }
    }

    @Test("a testbed scenario refuses a harness without the capabilities it needs")
    func scenarioRequiresCapabilities() async throws {
        let scenario = try scenario("client_server", .concurrency)
        let failure = await #expect(throws: ExpectationFailure.self) {
            try await scenario.run { _ in NoopTracerHarness() }
        }
        #expect(failure?.issues.first?.message.hasPrefix("the scenario needs capabilities [recordsSpans") == true)
    }

    @Test("scenario variants use a thread-local and a task scope manager")
    func variantsPickTheirScopeManager() throws {
        #expect(try scenario("nested_callbacks", .threads).makeScopeManager() is ThreadLocalScopeManager)
        #expect(try scenario("nested_callbacks", .concurrency).makeScopeManager() is TaskScopeManager)
    }
}

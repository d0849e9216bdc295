public import OpenTracing

/// One scenario of the OpenTracing testbed, in one of its two variants, run against a tracer through a
/// ``TracerHarness``.
///
/// The testbed (`opentracing-java/opentracing-testbed`, opentracing-python's `testbed/`) shows how instrumentation
/// keeps the right span active, or passes it explicitly, when work moves between threads, callbacks and tasks.
/// Each scenario makes the assertions of the original: span counts, finish order, which spans share a trace, parent
/// identifiers, tags, logs, and that nothing is left active.
///
/// - ``Variant/threads`` drives the tracer from threads and Dispatch queues with a ``OpenTracing/ThreadLocalScopeManager``;
///   ordering comes from barriers, latches and futures, as in the originals.
/// - ``Variant/concurrency`` drives it from tasks, task groups and actors with a ``OpenTracing/TaskScopeManager``
///   and structured activation; ordering comes from continuations.
///
/// ```swift
/// @Test(arguments: TestbedScenario.all)
/// func myTracerPassesTheTestbed(_ scenario: TestbedScenario) async throws {
///     try await scenario.run { scopeManager in MyTracerHarness(scopeManager: scopeManager) }
/// }
/// ```
public struct TestbedScenario: Sendable, CustomStringConvertible {
    /// How a scenario moves work around.
    public enum Variant: String, Sendable, Hashable, CaseIterable {
        /// Threads, Dispatch queues and a thread-local scope manager.
        case threads
        /// Tasks, task groups, actors and a task scope manager.
        case concurrency
    }

    /// Creates a fresh harness whose tracer uses `scopeManager` (or a scope manager of the tracer's own that
    /// behaves the same way) for one scenario run.
    public typealias HarnessFactory = @Sendable (_ scopeManager: any ScopeManager) async throws -> any TracerHarness

    /// The scenario's name in the original testbed, such as `active_span_replacement`.
    public let name: String
    /// The variant.
    public let variant: Variant
    /// What the scenario shows, in one sentence.
    public let summary: String
    private let body: @Sendable (CheckContext) async throws -> Void

    /// A scenario whose "main thread" runs on a thread of its own, outside any task.
    init(_ name: String, threads summary: String, _ body: @escaping @Sendable (CheckContext) throws -> Void) {
        self.name = name
        self.variant = .threads
        self.summary = summary
        self.body = { context in
            try await onDedicatedThread(name) {
                context.expect.capture { try body(context) }
                context.expect.noActiveSpan(context.tracer, "on the main thread at the end")
            }
        }
    }

    /// A scenario that runs in the calling task.
    init(_ name: String, concurrency summary: String, _ body: @escaping @Sendable (CheckContext) async throws -> Void) {
        self.name = name
        self.variant = .concurrency
        self.summary = summary
        self.body = { context in
            await context.expect.capture { try await body(context) }
            context.expect.noActiveSpan(context.tracer, "in the main task at the end")
        }
    }

    public var description: String { "\(name) (\(variant.rawValue))" }

    /// The scope manager the variant runs with.
    public func makeScopeManager() -> any ScopeManager {
        switch variant {
        case .threads: ThreadLocalScopeManager()
        case .concurrency: TaskScopeManager()
        }
    }

    /// The capabilities the scenario needs from its harness.
    public var requiredCapabilities: TracerCapabilities {
        switch variant {
        case .threads: [.recordsSpans, .tracksActiveSpan, .propagatesContext]
        case .concurrency: [.recordsSpans, .tracksActiveSpan, .propagatesContext, .activationFollowsTasks]
        }
    }

    /// Runs the scenario against a harness made by `makeHarness` with the variant's scope manager.
    ///
    /// - Throws: ``ExpectationFailure`` listing every unmet expectation, or an error of the harness.
    public func run(_ makeHarness: HarnessFactory) async throws {
        let harness = try await makeHarness(makeScopeManager())
        let expectations = Expectations()
        let missing = requiredCapabilities.subtracting(harness.capabilities)
        let leftover = try await harness.finishedSpans()
        if !missing.isEmpty {
            expectations.record("the scenario needs capabilities \(missing) that the harness lacks")
        } else if !leftover.isEmpty {
            expectations.record("the harness must be fresh, but it already holds \(leftover.count) finished span(s)")
        } else {
            try await body(CheckContext(harness: harness, expect: expectations))
        }
        try expectations.throwIfFailed(subject: description)
    }
}

extension TestbedScenario {
    /// All ten scenarios, each in the threads and the concurrency variant.
    public static let all: [TestbedScenario] =
        activeSpanReplacement + actorPropagation + clientServer + commonRequestHandler + lateSpanFinish
        + listenerPerRequest + multipleCallbacks + nestedCallbacks + promisePropagation + suspendResumePropagation
}

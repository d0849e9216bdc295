/// One rule of the OpenTracing API, checked against a tracer through a ``TracerHarness``: the Swift counterpart of
/// opentracing-python's `api_check` harness.
///
/// Run every check against your tracer with Swift Testing; each shows up under its rule:
///
/// ```swift
/// @Test(arguments: APICompatibilityCheck.all)
/// func myTracerFollowsTheOpenTracingAPI(_ check: APICompatibilityCheck) async throws {
///     try await check.run(MyTracerHarness())
/// }
/// ```
///
/// A check that fails throws an ``ExpectationFailure`` listing every unmet expectation. Checks adapt to the
/// harness's ``TracerCapabilities``: what a tracer cannot do is exercised without being asserted.
///
/// Checks of synchronous API use run on a thread of their own, outside any Swift task, so that thread-bound scope
/// managers are used as intended; checks of Swift-concurrency behaviour run in a task.
public struct APICompatibilityCheck: Sendable, CustomStringConvertible {
    enum Body: Sendable {
        /// Runs on a dedicated thread, outside any task.
        case onThread(@Sendable (CheckContext) throws -> Void)
        /// Runs in the calling task.
        case inTask(@Sendable (CheckContext) async throws -> Void)
    }

    /// The rule the check verifies, in words.
    public let name: String
    let body: Body

    init(_ name: String, onThread body: @escaping @Sendable (CheckContext) throws -> Void) {
        self.name = name
        self.body = .onThread(body)
    }

    init(_ name: String, inTask body: @escaping @Sendable (CheckContext) async throws -> Void) {
        self.name = name
        self.body = .inTask(body)
    }

    public var description: String { name }

    /// Runs the check against `harness`, which must be fresh (no finished spans).
    ///
    /// - Throws: ``ExpectationFailure`` when the tracer breaks the rule, or an error the harness threw.
    public func run(_ harness: any TracerHarness) async throws {
        let expectations = Expectations()
        let context = CheckContext(harness: harness, expect: expectations)
        let leftover = try await harness.finishedSpans()
        guard leftover.isEmpty else {
            expectations.record("the harness must be fresh, but it already holds \(leftover.count) finished span(s)")
            return try expectations.throwIfFailed(subject: name)
        }
        switch body {
        case .onThread(let body):
            try await onDedicatedThread("check") {
                expectations.capture { try body(context) }
            }
        case .inTask(let body):
            await expectations.capture { try await body(context) }
        }
        try expectations.throwIfFailed(subject: name)
    }
}

extension APICompatibilityCheck {
    /// Every check, grouped by area: spans, tags and logs, baggage, parenting, propagation, scopes, Swift
    /// concurrency, and the harness itself.
    public static let all: [APICompatibilityCheck] =
        spanChecks + baggageChecks + parentingChecks + propagationChecks + scopeChecks + concurrencyChecks
        + harnessChecks
}

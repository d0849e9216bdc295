public import OpenTracing

/// A ``TracerHarness`` over ``OpenTracing/MockTracer``.
///
/// ```swift
/// @Test(arguments: APICompatibilityCheck.all)
/// func mockTracerPasses(_ check: APICompatibilityCheck) async throws {
///     try await check.run(MockTracerHarness(scopeManager: TaskScopeManager()))
/// }
/// ```
public struct MockTracerHarness: TracerHarness {
    /// The tracer under test.
    public let mockTracer: MockTracer
    public let capabilities: TracerCapabilities

    /// Creates a harness with a new ``OpenTracing/MockTracer`` over `scopeManager`.
    ///
    /// - Parameter capabilities: What to check. By default everything with a ``OpenTracing/TaskScopeManager``;
    ///   everything but ``TracerCapabilities/imperativeScopesFollowAwait`` with a
    ///   ``OpenTracing/ThreadLocalScopeManager``; and, with any other scope manager, neither that nor
    ///   ``TracerCapabilities/activationFollowsTasks``.
    public init(scopeManager: any ScopeManager = ThreadLocalScopeManager(), capabilities: TracerCapabilities? = nil) {
        mockTracer = MockTracer(scopeManager: scopeManager)
        self.capabilities = capabilities ?? Self.capabilities(of: scopeManager)
    }

    private static func capabilities(of scopeManager: any ScopeManager) -> TracerCapabilities {
        switch scopeManager {
        case is TaskScopeManager: .all
        case is ThreadLocalScopeManager: TracerCapabilities.all.subtracting(.imperativeScopesFollowAwait)
        default: TracerCapabilities.all.subtracting([.activationFollowsTasks, .imperativeScopesFollowAwait])
        }
    }

    public var tracer: any Tracer { mockTracer }

    public func finishedSpans() async throws -> [RecordedSpan] {
        mockTracer.finishedSpans.map(RecordedSpan.init(recording:))
    }

    public func reset() async throws {
        mockTracer.reset()
    }
}

extension RecordedSpan {
    /// Records a finished ``OpenTracing/MockSpan``.
    public init(recording span: MockSpan) {
        let context = span.mockContext
        self.init(
            operationName: span.operationName,
            traceID: context.traceID,
            spanID: context.spanID,
            parentSpanID: span.parentSpanID.map(Self.mockIdentifier),
            references: span.references.map(RecordedReference.init),
            tags: span.tags,
            logs: span.logs.map { RecordedLog(timestamp: $0.timestamp, fields: $0.fields) },
            startTime: span.startTime,
            // A span still running is recorded as finishing when it started, never as absent.
            finishTime: span.finishTime ?? span.startTime
        )
    }

    /// An identifier as ``OpenTracing/MockSpanContext`` spells it: 16 lowercase hexadecimal digits.
    private static func mockIdentifier(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}

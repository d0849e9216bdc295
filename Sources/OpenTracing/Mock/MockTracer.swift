/// A tracer for tests: records every finished span with all its data, and propagates contexts in its own format.
///
/// ```swift
/// let tracer = MockTracer()
/// let scope = tracer.startActiveSpan("parent")
/// tracer.startSpan("child").finish()
/// scope.close()
/// #expect(tracer.finishedSpans.map(\.operationName) == ["child", "parent"])
/// #expect(tracer.finishedSpans[0].parentSpanID == tracer.finishedSpans[1].mockContext.spanIDValue)
/// ```
///
/// Span rules:
/// - without references (and unless `ignoreActiveSpan`), the active span of ``scopeManager`` is the parent, recorded
///   as a `childOf` reference;
/// - the trace id and sampled flag come from the first `childOf` reference, else the first reference; a root span
///   gets a new trace; identifiers are random and never zero;
/// - a new span's baggage is the union of all its references' baggage (later references win);
/// - the tags given at start are recorded.
///
/// Propagation: see ``MockTracer/inject(_:format:into:)``.
public final class MockTracer: Tracer {
    /// The scope manager that ``activeSpan`` and implicit parents come from.
    public let scopeManager: any ScopeManager
    private let finished = LockedValue<[MockSpan]>([])

    /// Creates a tracer; pass ``TaskScopeManager`` for code that uses Swift concurrency.
    public init(scopeManager: any ScopeManager = ThreadLocalScopeManager()) {
        self.scopeManager = scopeManager
    }

    /// The finished spans, in the order they finished.
    public var finishedSpans: [MockSpan] {
        finished.withLock { $0 }
    }

    /// Forgets the finished spans.
    public func reset() {
        finished.withLock { $0.removeAll() }
    }

    func record(_ span: MockSpan) {
        finished.withLock { $0.append(span) }
    }

    public func startSpan(
        _ operationName: String,
        references: [Reference],
        tags: [String: TagValue],
        startTime: Timestamp?,
        ignoreActiveSpan: Bool
    ) -> any Span {
        var references = references
        if references.isEmpty, !ignoreActiveSpan, let active = scopeManager.active?.span {
            references.append(.childOf(active.context))
        }
        let parent = references.first { $0.kind == .childOf } ?? references.first
        let parentContext = parent.flatMap { MockSpanContext(converting: $0.context) }
        var baggage: [String: String] = [:]
        for reference in references {
            reference.context.forEachBaggageItem { key, value in baggage[key] = value }
        }
        let context = MockSpanContext(
            traceIDValue: parentContext?.traceIDValue ?? MockSpanContext.randomID(),
            spanIDValue: MockSpanContext.randomID(),
            baggage: baggage,
            isSampled: parentContext?.isSampled ?? true
        )
        return MockSpan(
            tracer: self,
            operationName: operationName,
            context: context,
            references: references,
            parentSpanID: parentContext?.spanIDValue,
            tags: tags,
            startTime: startTime ?? .now()
        )
    }
}

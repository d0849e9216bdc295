extension Tracer {
    /// The span of the active scope, if any.
    public var activeSpan: (any Span)? {
        scopeManager.active?.span
    }

    /// Starts a span with no references, tags or explicit start time: a child of the active span, if any.
    ///
    /// The same as ``startSpan(_:childOf:references:tags:startTime:ignoreActiveSpan:)`` with its defaults; the most
    /// common call gets its own overload so that the call site builds and destroys no default arguments.
    public func startSpan(_ operationName: String) -> any Span {
        // `Dictionary()` is the shared empty storage, inlined; the `[:]` literal calls `init(dictionaryLiteral:)`.
        startSpan(operationName, references: [], tags: Dictionary(), startTime: nil, ignoreActiveSpan: false)
    }

    /// Starts a span, optionally as a child of `parent`.
    ///
    /// `childOf` is prepended to `references` as a ``Reference/Kind/childOf`` reference.
    public func startSpan(
        _ operationName: String,
        childOf parent: (any SpanContext)? = nil,
        references: [Reference] = [],
        tags: [String: TagValue] = [:],
        startTime: Timestamp? = nil,
        ignoreActiveSpan: Bool = false
    ) -> any Span {
        // Without a parent the references pass on as given: binding the optional would copy the existential.
        guard parent != nil else {
            return startSpan(
                operationName,
                references: references,
                tags: tags,
                startTime: startTime,
                ignoreActiveSpan: ignoreActiveSpan
            )
        }
        var allReferences = references
        if let parent {
            allReferences.insert(.childOf(parent), at: 0)
        }
        return startSpan(
            operationName,
            references: allReferences,
            tags: tags,
            startTime: startTime,
            ignoreActiveSpan: ignoreActiveSpan
        )
    }

    /// Starts a span, optionally as a child of the span `parent`.
    public func startSpan(
        _ operationName: String,
        childOf parent: any Span,
        references: [Reference] = [],
        tags: [String: TagValue] = [:],
        startTime: Timestamp? = nil,
        ignoreActiveSpan: Bool = false
    ) -> any Span {
        startSpan(
            operationName,
            childOf: parent.context,
            references: references,
            tags: tags,
            startTime: startTime,
            ignoreActiveSpan: ignoreActiveSpan
        )
    }

    /// Starts a span and activates it in ``scopeManager``; close the returned scope when the work is done.
    ///
    /// - Parameter finishOnClose: Whether closing the scope finishes the span.
    public func startActiveSpan(
        _ operationName: String,
        childOf parent: (any SpanContext)? = nil,
        references: [Reference] = [],
        tags: [String: TagValue] = [:],
        startTime: Timestamp? = nil,
        ignoreActiveSpan: Bool = false,
        finishOnClose: Bool = true
    ) -> any Scope {
        let span = startSpan(
            operationName,
            childOf: parent,
            references: references,
            tags: tags,
            startTime: startTime,
            ignoreActiveSpan: ignoreActiveSpan
        )
        return scopeManager.activate(span, finishOnClose: finishOnClose)
    }

    /// Starts a span, runs `body` with it active, and finishes it when `body` returns or throws.
    ///
    /// A thrown error is tagged (`error` = `true`) and logged (`event` = `error`, `error.object`) before it propagates.
    public func withActiveSpan<Result>(
        _ operationName: String,
        childOf parent: (any SpanContext)? = nil,
        references: [Reference] = [],
        tags: [String: TagValue] = [:],
        ignoreActiveSpan: Bool = false,
        _ body: (any Span) throws -> Result
    ) rethrows -> Result {
        let span = startSpan(
            operationName,
            childOf: parent,
            references: references,
            tags: tags,
            ignoreActiveSpan: ignoreActiveSpan
        )
        defer { span.finish() }
        do {
            return try scopeManager.withActiveSpan(span) { try body(span) }
        } catch {
            span.recordError(error)
            throw error
        }
    }

    /// Starts a span, runs the async `body` with it active (across `await` and in child tasks where the
    /// scope manager supports it), and finishes it when `body` returns or throws.
    public func withActiveSpan<Result>(
        _ operationName: String,
        childOf parent: (any SpanContext)? = nil,
        references: [Reference] = [],
        tags: [String: TagValue] = [:],
        ignoreActiveSpan: Bool = false,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (any Span) async throws -> Result
    ) async rethrows -> Result {
        let span = startSpan(
            operationName,
            childOf: parent,
            references: references,
            tags: tags,
            ignoreActiveSpan: ignoreActiveSpan
        )
        defer { span.finish() }
        do {
            return try await scopeManager.withActiveSpan(span, isolation: isolation) { try await body(span) }
        } catch {
            span.recordError(error)
            throw error
        }
    }
}

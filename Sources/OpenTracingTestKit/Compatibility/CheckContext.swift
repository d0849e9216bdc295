import OpenTracing

/// What a check or scenario body works with: the harness, its tracer, and the expectations it records into.
struct CheckContext: Sendable {
    let harness: any TracerHarness
    let expect: Expectations

    var tracer: any Tracer { harness.tracer }
    var scopeManager: any ScopeManager { harness.tracer.scopeManager }

    func can(_ capability: TracerCapabilities) -> Bool {
        harness.capabilities.isSuperset(of: capability)
    }

    /// The finished spans, read from a thread by blocking on the harness's asynchronous read.
    func finishedSpansFromThread() throws -> [RecordedSpan] {
        try waitFromThread { try await harness.finishedSpans() }
    }

    /// The one finished span named `name`; records a failure and throws when there is not exactly one.
    func onlySpan(named name: String, in spans: [RecordedSpan], fileID: String = #fileID, line: Int = #line) throws
        -> RecordedSpan
    {
        let matching = spans.filter { $0.operationName == name }
        try expect.require(
            matching.count == 1,
            "expected one finished span named '\(name)', found \(matching.count) among \(spans.map(\.operationName))",
            fileID: fileID,
            line: line
        )
        return matching[0]
    }
}

/// Blocks the calling thread (never a task) until `operation` finishes in a task of its own.
func waitFromThread<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
    let future = ThreadFuture<Result<Value, any Error>>()
    Task {
        do {
            future.fulfil(.success(try await operation()))
        } catch {
            future.fulfil(.failure(error))
        }
    }
    guard let result = future.get() else { throw HarnessTimeout() }
    return try result.get()
}

/// The harness did not answer within ``TestbedTimeout/seconds``.
struct HarnessTimeout: Error, CustomStringConvertible {
    var description: String { "the harness did not return its finished spans in \(TestbedTimeout.seconds) s" }
}

extension CheckContext {
    /// Resets the harness, from a thread.
    func resetFromThread() throws {
        try waitFromThread { try await harness.reset() }
    }
}

public import OpenTracing

/// A ``TracerHarness`` over ``OpenTracing/NoopTracer``: it records, keeps and propagates nothing, so the checks
/// confirm that every API call is accepted and that errors are still thrown where the API requires them.
public struct NoopTracerHarness: TracerHarness {
    public let tracer: any Tracer

    /// Creates a harness with a new ``OpenTracing/NoopTracer``.
    public init() {
        tracer = NoopTracer()
    }

    /// Only ``TracerCapabilities/supportsBinaryFormat``: the no-op tracer accepts binary carriers (and writes and
    /// finds nothing in them).
    public var capabilities: TracerCapabilities { [.supportsBinaryFormat] }

    public func finishedSpans() async throws -> [RecordedSpan] { [] }

    public func reset() async throws {}
}

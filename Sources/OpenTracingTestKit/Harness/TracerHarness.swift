public import OpenTracing

/// A tracer under test together with a way to read back the spans it finished.
///
/// The compatibility checks (``APICompatibilityCheck``) and the testbed scenarios (``TestbedScenario``) drive
/// ``tracer`` only through the OpenTracing API and then inspect ``finishedSpans()``, so the same checks run against
/// any tracer: ``MockTracerHarness`` and ``NoopTracerHarness`` ship with the kit; a tracer that exports spans
/// elsewhere (for example to OpenTelemetry) conforms by collecting its exported spans and converting them to
/// ``RecordedSpan``.
///
/// Give every check and every scenario a fresh harness: checks run in parallel and expect to see only their own
/// spans.
///
/// ```swift
/// struct MyTracerHarness: TracerHarness {
///     let myTracer = MyTracer(exporter: InMemoryExporter())
///     var tracer: any Tracer { myTracer }
///     var capabilities: TracerCapabilities { .all.subtracting(.supportsBinaryFormat) }
///     func finishedSpans() async throws -> [RecordedSpan] {
///         try await myTracer.flush()
///         return myTracer.exporter.spans.map(RecordedSpan.init)
///     }
///     func reset() async throws { myTracer.exporter.removeAll() }
/// }
/// ```
public protocol TracerHarness: Sendable {
    /// The tracer under test.
    var tracer: any Tracer { get }

    /// What the tracer can be expected to do; checks that need a missing capability only exercise the API
    /// and assert what still holds (as opentracing-python's `check_baggage_values()`).
    var capabilities: TracerCapabilities { get }

    /// The spans finished so far, in the order they were finished.
    ///
    /// Asynchronous so that a tracer with an export pipeline can flush it first. A tracer that does not record
    /// spans returns an empty array.
    func finishedSpans() async throws -> [RecordedSpan]

    /// Forgets the finished spans recorded so far.
    func reset() async throws
}

/// The entry point of the OpenTracing API: starts spans and moves span contexts across process boundaries.
///
/// Conformances hold only the four requirements below; everything a call site usually writes
/// (`startSpan("name", childOf: ctx, tags: [...])`, `startActiveSpan`, `activeSpan`) is an extension.
///
/// [OpenTracing specification: Tracer](https://github.com/opentracing/specification/blob/master/specification.md#tracer)
public protocol Tracer: AnyObject, Sendable {
    /// The scope manager that tracks the active span for this tracer.
    var scopeManager: any ScopeManager { get }

    /// Starts a new span.
    ///
    /// - Parameters:
    ///   - operationName: A human-readable name for the unit of work.
    ///   - references: Causal references to earlier spans. Without any, the active span (unless
    ///     `ignoreActiveSpan`) becomes the parent through an implicit `childOf` reference.
    ///   - tags: Tags known at start; tracers set them before sampling decisions are made.
    ///   - startTime: An explicit start time; `nil` means now.
    ///   - ignoreActiveSpan: When `true`, the active span is not used as an implicit parent.
    /// - Returns: A started span, not yet active.
    func startSpan(
        _ operationName: String,
        references: [Reference],
        tags: [String: TagValue],
        startTime: Timestamp?,
        ignoreActiveSpan: Bool
    ) -> any Span

    /// Writes `context` into `carrier` in the given format.
    ///
    /// The carrier's type must match the format: ``TextMapWriter`` for ``Format/textMap`` and
    /// ``Format/httpHeaders``, ``BinaryCarrier`` for ``Format/binary``.
    ///
    /// - Throws: ``OpenTracingError/unsupportedFormat(_:)`` for a format the tracer does not know,
    ///   ``OpenTracingError/invalidCarrier(format:carrierType:)`` when the carrier does not fit the format.
    ///
    /// [OpenTracing specification: Inject](https://github.com/opentracing/specification/blob/master/specification.md#inject-a-spancontext-into-a-carrier)
    func inject<Carrier>(_ context: any SpanContext, format: Format, into carrier: inout Carrier) throws

    /// Reads a span context from `carrier` in the given format.
    ///
    /// - Returns: The extracted context, or `nil` when the carrier holds none.
    /// - Throws: ``OpenTracingError/unsupportedFormat(_:)``, ``OpenTracingError/invalidCarrier(format:carrierType:)``,
    ///   or ``OpenTracingError/spanContextCorrupted(_:)`` when the carrier holds a context that cannot be decoded.
    ///
    /// [OpenTracing specification: Extract](https://github.com/opentracing/specification/blob/master/specification.md#extract-a-spancontext-from-a-carrier)
    func extract<Carrier>(format: Format, from carrier: Carrier) throws -> (any SpanContext)?
}

/// A tracer that records nothing: the ``GlobalTracer`` until a real tracer is registered.
///
/// Starting a span allocates nothing: every call returns the tracer's one shared ``NoopSpan``, whose context has no
/// identifiers and no baggage. `inject` writes nothing, `extract` finds nothing; both accept the three standard
/// formats (with fitting carriers) and throw ``OpenTracingError/unsupportedFormat(_:)`` for any other.
///
/// [OpenTracing specification: no-op implementations](https://github.com/opentracing/specification/blob/master/specification.md#tracer)
public final class NoopTracer: Tracer {
    /// The shared instance.
    public static let shared = NoopTracer()

    /// The tracer's scope manager; nothing is ever active in it.
    public let scopeManager: any ScopeManager

    /// The span returned by every ``startSpan(_:references:tags:startTime:ignoreActiveSpan:)``.
    let span: NoopSpan

    /// Creates a no-op tracer; ``shared`` serves most uses.
    public init() {
        let span = NoopSpan()
        self.span = span
        self.scopeManager = NoopScopeManager(span: span)
        span.attach(to: self)
    }

    public func startSpan(
        _ operationName: String,
        references: [Reference],
        tags: [String: TagValue],
        startTime: Timestamp?,
        ignoreActiveSpan: Bool
    ) -> any Span {
        span
    }

    public func inject<Carrier>(_ context: any SpanContext, format: Format, into carrier: inout Carrier) throws {
        try Self.checkCarrier(carrier, isWritable: true, format: format)
    }

    public func extract<Carrier>(format: Format, from carrier: Carrier) throws -> (any SpanContext)? {
        try Self.checkCarrier(carrier, isWritable: false, format: format)
        return nil
    }

    /// Checks the carrier's dynamic type, as a real tracer's casts would, so that errors match theirs.
    private static func checkCarrier<Carrier>(_ carrier: Carrier, isWritable: Bool, format: Format) throws {
        let fits: Bool
        switch format {
        case .textMap, .httpHeaders:
            fits = isWritable ? carrier is any TextMapWriter : carrier is any TextMapReader
        case .binary:
            fits = carrier is BinaryCarrier
        default:
            throw OpenTracingError.unsupportedFormat(format)
        }
        guard fits else {
            throw OpenTracingError.invalidCarrier(format: format, carrierType: String(reflecting: Carrier.self))
        }
    }
}

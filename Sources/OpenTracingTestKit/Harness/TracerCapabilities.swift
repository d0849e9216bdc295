/// The behaviours of a tracer that the compatibility checks and testbed scenarios rely on.
///
/// A full tracer has ``all``. A no-op tracer has only ``supportsBinaryFormat``: it accepts every call but records,
/// keeps and propagates nothing, so the checks exercise its API and assert only what still holds (errors for
/// unknown formats and unfit carriers, `nil` from empty carriers, nothing active).
public struct TracerCapabilities: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// ``TracerHarness/finishedSpans()`` returns every finished span with its data; span contexts have distinct,
    /// non-empty trace and span identifiers.
    public static let recordsSpans = TracerCapabilities(rawValue: 1 << 0)

    /// Baggage items set on a span can be read back, are inherited by child spans and travel through
    /// inject/extract.
    public static let keepsBaggage = TracerCapabilities(rawValue: 1 << 1)

    /// The scope manager tracks activations: ``OpenTracing/Tracer/activeSpan`` returns the activated span and the
    /// active span becomes the implicit parent of new spans.
    public static let tracksActiveSpan = TracerCapabilities(rawValue: 1 << 2)

    /// Inject followed by extract yields a context with the same trace and span identifiers.
    public static let propagatesContext = TracerCapabilities(rawValue: 1 << 3)

    /// The tracer supports ``OpenTracing/Format/binary``; without it, binary inject and extract must throw
    /// ``OpenTracing/OpenTracingError/unsupportedFormat(_:)``.
    public static let supportsBinaryFormat = TracerCapabilities(rawValue: 1 << 4)

    /// Async structured activation (`scopeManager.withActiveSpan(_:isolation:_:)`) keeps the span active across
    /// `await` and passes it to child tasks, as both ``OpenTracing/TaskScopeManager`` and
    /// ``OpenTracing/ThreadLocalScopeManager`` do.
    public static let activationFollowsTasks = TracerCapabilities(rawValue: 1 << 5)

    /// A scope activated imperatively (`activate`, `startActiveSpan`) inside a task stays active across `await`
    /// until it is closed, and other tasks never see it, as with ``OpenTracing/TaskScopeManager`` (not with a
    /// thread-local scope manager).
    public static let imperativeScopesFollowAwait = TracerCapabilities(rawValue: 1 << 6)

    /// Every capability.
    public static let all: TracerCapabilities = [
        .recordsSpans, .keepsBaggage, .tracksActiveSpan, .propagatesContext, .supportsBinaryFormat,
        .activationFollowsTasks, .imperativeScopesFollowAwait,
    ]

    public var description: String {
        let names: [(TracerCapabilities, String)] = [
            (.recordsSpans, "recordsSpans"), (.keepsBaggage, "keepsBaggage"),
            (.tracksActiveSpan, "tracksActiveSpan"), (.propagatesContext, "propagatesContext"),
            (.supportsBinaryFormat, "supportsBinaryFormat"), (.activationFollowsTasks, "activationFollowsTasks"),
            (.imperativeScopesFollowAwait, "imperativeScopesFollowAwait"),
        ]
        return "[" + names.filter { contains($0.0) }.map(\.1).joined(separator: ", ") + "]"
    }
}

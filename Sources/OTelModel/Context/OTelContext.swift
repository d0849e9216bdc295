/// What is current for a piece of code: the active span and the baggage, the debug mark of an extracted parent,
/// plus an optional opaque object that a bridge (such as the OpenTracing shim) stores next to the span.
///
/// Read the current context with ``current``; make a context current with ``withValue(_:_:)`` (structured, for
/// sync and async code, visible to child tasks and to swift-distributed-tracing) or ``attach(_:)`` (imperative,
/// for the calling thread or task until the returned token is detached).
///
/// [OpenTelemetry Specification: Context](https://opentelemetry.io/docs/specs/otel/context/)
public struct OTelContext: Sendable {
    /// The active span, if any; a remote parent is a non-recording span wrapping its context.
    public var span: OTelSpan?

    /// The baggage.
    public var baggage: OTelBaggage

    /// The attachment, typed once when it is set, so that reading the current context needs no dynamic cast.
    var attachmentStorage: AttachmentStorage

    /// The debug marks of an extracted parent; `nil` (the usual case) keeps the context small and cheap to copy.
    private var debugMarks: DebugMarks?

    /// An object stored next to ``span`` by a bridge (the OpenTracing shim keeps its span object here, to return
    /// the same object while the span is active). Replacing the span with ``withSpan(_:)`` clears it.
    public var attachment: (any AnyObject & Sendable)? {
        get { attachmentStorage.object }
        set { attachmentStorage = AttachmentStorage(newValue) }
    }

    /// Whether the trace was forced by a debug flag of an extracted parent (B3 `d` or `X-B3-Flags: 1`, Jaeger flag
    /// `0x02` or `jaeger-debug-id`).
    ///
    /// Like OTel Java's B3 debug context key, it lives next to the span: ``withSpan(_:)`` keeps it, so a child
    /// span made active under an extracted debug context is injected with the debug flag again
    /// (``OTelTextMapPropagator/inject(context:into:)``).
    public var isDebug: Bool {
        get { debugMarks?.isDebug ?? false }
        set { debugMarks = DebugMarks.make(isDebug: newValue, jaegerDebugID: jaegerDebugID) }
    }

    /// The `jaeger-debug-id` value an extracted context carried (see ``OTelPropagationContext/jaegerDebugID``);
    /// kept by ``withSpan(_:)`` like ``isDebug``.
    public var jaegerDebugID: String? {
        get { debugMarks?.jaegerDebugID }
        set { debugMarks = DebugMarks.make(isDebug: isDebug, jaegerDebugID: newValue) }
    }

    /// Creates a context.
    public init(
        span: OTelSpan? = nil,
        baggage: OTelBaggage = OTelBaggage(),
        attachment: (any AnyObject & Sendable)? = nil,
        isDebug: Bool = false,
        jaegerDebugID: String? = nil
    ) {
        self.span = span
        self.baggage = baggage
        attachmentStorage = AttachmentStorage(attachment)
        debugMarks = DebugMarks.make(isDebug: isDebug, jaegerDebugID: jaegerDebugID)
    }

    /// A context whose attachment reports live baggage, typed by the caller: activating a bridge's span makes one
    /// per activation, and this spares the dynamic cast that ``attachment`` does to find out.
    package init(
        span: OTelSpan?,
        baggage: OTelBaggage,
        liveAttachment: any OTelLiveBaggageAttachment,
        isDebug: Bool,
        jaegerDebugID: String?
    ) {
        self.span = span
        self.baggage = baggage
        attachmentStorage = .live(liveAttachment)
        debugMarks = DebugMarks.make(isDebug: isDebug, jaegerDebugID: jaegerDebugID)
    }

    /// No span, no baggage.
    public static let empty = OTelContext()

    /// This context with `span` active (and no attachment: it belonged to the previous span); baggage and the debug
    /// marks are kept.
    public func withSpan(_ span: OTelSpan?) -> OTelContext {
        var copy = self
        copy.span = span
        copy.attachmentStorage = .none
        return copy
    }

    /// This context with `baggage`; an ``OTelLiveBaggageAttachment`` is dropped, as it would report its own
    /// baggage instead.
    public func withBaggage(_ baggage: OTelBaggage) -> OTelContext {
        var copy = self
        copy.baggage = baggage
        if case .live = attachmentStorage { copy.attachmentStorage = .none }
        return copy
    }

    /// The active span's context, if there is a span.
    public var spanContext: OTelSpanContext? { span?.context }
}

extension OTelContext {
    /// An attachment, with whether it reports live baggage decided once.
    enum AttachmentStorage: Sendable {
        case none
        case plain(any AnyObject & Sendable)
        case live(any OTelLiveBaggageAttachment)

        init(_ object: (any AnyObject & Sendable)?) {
            guard let object else {
                self = .none
                return
            }
            if let live = object as? any OTelLiveBaggageAttachment {
                self = .live(live)
            } else {
                self = .plain(object)
            }
        }

        var object: (any AnyObject & Sendable)? {
            switch self {
            case .none: nil
            case .plain(let object): object
            case .live(let live): live
            }
        }
    }

    /// The rarely set debug marks, kept out of line.
    final class DebugMarks: Sendable {
        let isDebug: Bool
        let jaegerDebugID: String?

        private init(isDebug: Bool, jaegerDebugID: String?) {
            self.isDebug = isDebug
            self.jaegerDebugID = jaegerDebugID
        }

        /// `nil` when neither mark is set.
        static func make(isDebug: Bool, jaegerDebugID: String?) -> DebugMarks? {
            guard isDebug || jaegerDebugID != nil else { return nil }
            return DebugMarks(isDebug: isDebug, jaegerDebugID: jaegerDebugID)
        }
    }
}

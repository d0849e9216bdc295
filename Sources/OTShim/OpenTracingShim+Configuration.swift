public import Logging
public import OTelModel
public import OpenTracing

extension OpenTracingShim {
    /// How a shim tracer propagates span contexts and maps OpenTracing conventions.
    public struct Configuration: Sendable {
        /// The propagator for ``OpenTracing/Format/textMap`` (OT-6, OT-19, OT-24).
        public var textMapPropagator: any OTelTextMapPropagator

        /// The propagator for ``OpenTracing/Format/httpHeaders`` (OT-6, OT-19, OT-24).
        public var httpHeadersPropagator: any OTelTextMapPropagator

        /// Whether the `span.kind` tag sets the OpenTelemetry span kind; default `true`.
        ///
        /// When `true`, the values `client`, `server`, `producer` and `consumer` (any case) set the kind, at start
        /// (so the sampler sees it) or later, until the span finishes, and are not kept as attributes: the kind
        /// carries them. Other values stay attributes and leave the kind alone. When `false`, `span.kind` is a plain
        /// attribute and every span is `INTERNAL`, as the specification's "no semantic convention mapping" (OT-3)
        /// reads literally.
        public var mapsSpanKindTag: Bool

        /// Receives the shim's diagnostics (use after finish, foreign span contexts, scope misuse), rate-limited.
        public var logger: Logger

        /// Called on every misuse of a scope (a second close, an out-of-order close, a close elsewhere, a close of
        /// an ambient scope), in the task or thread that caused it. Misuse is also counted and logged.
        public var scopeMisuseHandler: (@Sendable (ScopeMisuseReport) -> Void)?

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - propagator: The propagator for both text formats when no format-specific one is given; by default
        ///     the one `OTEL_PROPAGATORS` names, which is W3C trace context + W3C baggage when the variable is
        ///     unset. (OTelModel has no process-global propagator that could be left unset, so this shim never
        ///     propagates nothing by accident: OT-8.)
        ///   - textMapPropagator: The propagator for ``OpenTracing/Format/textMap``.
        ///   - httpHeadersPropagator: The propagator for ``OpenTracing/Format/httpHeaders``.
        ///   - mapsSpanKindTag: See ``mapsSpanKindTag``.
        ///   - logger: See ``logger``.
        ///   - scopeMisuseHandler: See ``scopeMisuseHandler``.
        public init(
            propagator: (any OTelTextMapPropagator)? = nil,
            textMapPropagator: (any OTelTextMapPropagator)? = nil,
            httpHeadersPropagator: (any OTelTextMapPropagator)? = nil,
            mapsSpanKindTag: Bool = true,
            logger: Logger = Logger(label: "OTShim"),
            scopeMisuseHandler: (@Sendable (ScopeMisuseReport) -> Void)? = nil
        ) {
            let configured: (any OTelTextMapPropagator)?
            if let propagator {
                configured = propagator
            } else if textMapPropagator == nil || httpHeadersPropagator == nil {
                configured = OTelPropagators.fromEnvironment(logger: logger)
            } else {
                configured = nil
            }
            // Both optionals cannot be nil here without `configured` being set.
            self.textMapPropagator = textMapPropagator ?? configured ?? OTelW3CTraceContextPropagator()
            self.httpHeadersPropagator = httpHeadersPropagator ?? configured ?? OTelW3CTraceContextPropagator()
            self.mapsSpanKindTag = mapsSpanKindTag
            self.logger = logger
            self.scopeMisuseHandler = scopeMisuseHandler
        }
    }
}

public import Logging

/// Propagators chosen by configuration.
public enum OTelPropagators {
    /// The propagator names `OTEL_PROPAGATORS` accepts, with their propagators.
    static let known: [(name: String, make: @Sendable () -> any OTelTextMapPropagator)] = [
        ("tracecontext", { OTelW3CTraceContextPropagator() }),
        ("baggage", { OTelW3CBaggagePropagator() }),
        ("b3", { OTelB3Propagator(injectEncoding: .singleHeader) }),
        ("b3multi", { OTelB3Propagator(injectEncoding: .multipleHeaders) }),
        ("jaeger", { OTelJaegerPropagator() }),
        ("ottrace", { OTelOTTracePropagator() }),
    ]

    /// The propagators named by `OTEL_PROPAGATORS`, in order, as one composite.
    ///
    /// - Unset or empty: `tracecontext,baggage`.
    /// - Names are case-insensitive and deduplicated (the first occurrence counts).
    /// - `none` selects no propagator; listed with other names it still wins, with a warning.
    /// - Unknown names (including `xray`, which this library does not implement) are logged and skipped.
    ///
    /// `OTEL_SDK_DISABLED` does not affect propagators.
    /// [OpenTelemetry Specification: OTEL_PROPAGATORS](https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#general-sdk-configuration)
    public static func fromEnvironment(_ environment: OTelEnvironment = .process, logger: Logger)
        -> OTelCompositePropagator
    {
        let names = environment.list("OTEL_PROPAGATORS") ?? ["tracecontext", "baggage"]
        if names.contains("none") {
            if names.count > 1 {
                environment.warn(
                    "OTEL_PROPAGATORS",
                    environment["OTEL_PROPAGATORS"] ?? "",
                    hint: "'none' cannot be combined with other propagators; using none",
                    logger: logger
                )
            }
            return OTelCompositePropagator([])
        }
        var propagators: [any OTelTextMapPropagator] = []
        for name in names {
            guard let known = known.first(where: { $0.name == name }) else {
                environment.warn(
                    "OTEL_PROPAGATORS",
                    name,
                    hint: "unknown propagator, skipped; known: \(known.map(\.name).joined(separator: ", ")), none",
                    logger: logger
                )
                continue
            }
            propagators.append(known.make())
        }
        return OTelCompositePropagator(propagators)
    }

    /// The propagators named in `environment` given as a dictionary; see ``fromEnvironment(_:logger:)``.
    public static func fromEnvironment(_ environment: [String: String], logger: Logger) -> OTelCompositePropagator {
        fromEnvironment(OTelEnvironment(environment), logger: logger)
    }
}

public import Logging

/// Factories for the built-in samplers.
public enum OTelSamplers {
    /// The sampler named by `OTEL_TRACES_SAMPLER` and `OTEL_TRACES_SAMPLER_ARG`.
    ///
    /// - `OTEL_TRACES_SAMPLER`: `always_on`, `always_off`, `traceidratio`, `parentbased_always_on` (the default),
    ///   `parentbased_always_off`, `parentbased_traceidratio` (case-insensitive). Any other value, including the
    ///   remote samplers this package does not implement, is logged and the default is used.
    /// - `OTEL_TRACES_SAMPLER_ARG`: the ratio in `0...1` for the ratio samplers (default 1.0), read only when
    ///   `OTEL_TRACES_SAMPLER` is set; an invalid ratio is logged and 1.0 is used.
    ///
    /// [OpenTelemetry Specification: General SDK configuration](https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#general-sdk-configuration)
    public static func fromEnvironment(_ environment: OTelEnvironment = .process, logger: Logger) -> any OTelSampler {
        let names = [
            "always_on", "always_off", "traceidratio",
            "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio",
        ]
        guard let name = environment.choice("OTEL_TRACES_SAMPLER", allowed: names, logger: logger) else {
            return OTelParentBasedSampler(root: OTelAlwaysOnSampler())
        }
        func ratio() -> Double {
            let variable = "OTEL_TRACES_SAMPLER_ARG"
            guard let raw = environment[variable] else { return 1 }
            guard let value = Double(raw.trimmingSpaces()), value >= 0, value <= 1 else {
                environment.warn(variable, raw, hint: "expected a ratio from 0 to 1; using 1.0", logger: logger)
                return 1
            }
            return value
        }
        switch name {
        case "always_on": return OTelAlwaysOnSampler()
        case "always_off": return OTelAlwaysOffSampler()
        case "traceidratio": return OTelTraceIDRatioBasedSampler(ratio: ratio())
        case "parentbased_always_off": return OTelParentBasedSampler(root: OTelAlwaysOffSampler())
        case "parentbased_traceidratio":
            return OTelParentBasedSampler(root: OTelTraceIDRatioBasedSampler(ratio: ratio()))
        default: return OTelParentBasedSampler(root: OTelAlwaysOnSampler())
        }
    }
}

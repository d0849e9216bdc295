public import Logging

extension OTelSpanLimits {
    /// Span limits from the `OTEL_*_LIMIT` environment variables; unset or invalid values keep the spec defaults.
    ///
    /// - `OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT`, else `OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT` (default: no limit)
    /// - `OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT`, else `OTEL_ATTRIBUTE_COUNT_LIMIT` (default 128)
    /// - `OTEL_SPAN_EVENT_COUNT_LIMIT`, `OTEL_SPAN_LINK_COUNT_LIMIT`, `OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT`,
    ///   `OTEL_LINK_ATTRIBUTE_COUNT_LIMIT` (default 128 each)
    ///
    /// [OpenTelemetry Specification: Span Limits](https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#span-limits)
    public init(environment: OTelEnvironment, logger: Logger) {
        func read(_ name: String) -> Int? { environment.integer(name, logger: logger) }
        let genericCount = read("OTEL_ATTRIBUTE_COUNT_LIMIT")
        let genericLength = read("OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT")
        self.init(
            attributes: OTelAttributeLimits(
                countLimit: read("OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT") ?? genericCount ?? 128,
                valueLengthLimit: read("OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT") ?? genericLength
            ),
            eventCountLimit: read("OTEL_SPAN_EVENT_COUNT_LIMIT") ?? 128,
            linkCountLimit: read("OTEL_SPAN_LINK_COUNT_LIMIT") ?? 128,
            attributePerEventCountLimit: read("OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT") ?? genericCount ?? 128,
            attributePerLinkCountLimit: read("OTEL_LINK_ATTRIBUTE_COUNT_LIMIT") ?? genericCount ?? 128
        )
    }

    /// Span limits from environment variables given as a dictionary, read like the ``OTelEnvironment`` overload.
    public init(environment: [String: String], logger: Logger) {
        self.init(environment: OTelEnvironment(environment), logger: logger)
    }
}

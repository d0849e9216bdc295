/// Limits on what a span records.
///
/// [OpenTelemetry Specification: Span Limits](https://opentelemetry.io/docs/specs/otel/trace/sdk/#span-limits)
public struct OTelSpanLimits: Sendable, Hashable {
    /// Limits on span attributes. The value length limit also applies to event and link attributes.
    public var attributes: OTelAttributeLimits
    /// The most events kept per span. Default 128.
    public var eventCountLimit: Int
    /// The most links kept per span. Default 128.
    public var linkCountLimit: Int
    /// The most attributes kept per event. Default 128.
    public var attributePerEventCountLimit: Int
    /// The most attributes kept per link. Default 128.
    public var attributePerLinkCountLimit: Int

    /// Creates span limits; the defaults are the spec's.
    public init(
        attributes: OTelAttributeLimits = .default,
        eventCountLimit: Int = 128,
        linkCountLimit: Int = 128,
        attributePerEventCountLimit: Int = 128,
        attributePerLinkCountLimit: Int = 128
    ) {
        self.attributes = attributes
        self.eventCountLimit = max(0, eventCountLimit)
        self.linkCountLimit = max(0, linkCountLimit)
        self.attributePerEventCountLimit = max(0, attributePerEventCountLimit)
        self.attributePerLinkCountLimit = max(0, attributePerLinkCountLimit)
    }

    /// The spec defaults.
    public static let `default` = OTelSpanLimits()

    /// Limits for the attributes of one event.
    public var eventAttributes: OTelAttributeLimits {
        OTelAttributeLimits(countLimit: attributePerEventCountLimit, valueLengthLimit: attributes.valueLengthLimit)
    }

    /// Limits for the attributes of one link.
    public var linkAttributes: OTelAttributeLimits {
        OTelAttributeLimits(countLimit: attributePerLinkCountLimit, valueLengthLimit: attributes.valueLengthLimit)
    }
}

/// The entity producing telemetry (service, host, SDK), as resource attributes.
///
/// [OpenTelemetry Specification: Resource SDK](https://opentelemetry.io/docs/specs/otel/resource/sdk/)
public struct OTelResource: Sendable, Equatable {
    /// The resource attributes.
    public var attributes: OTelAttributes
    /// The schema URL of the attributes, if any.
    public var schemaURL: String?

    /// Creates a resource.
    public init(attributes: OTelAttributes = [:], schemaURL: String? = nil) {
        self.attributes = attributes
        self.schemaURL = schemaURL
    }

    /// A resource with the attributes of both; where keys collide, `other` wins.
    ///
    /// The schema URL is `other`'s if set, else this one's (the spec leaves conflicting schema URLs to the SDK).
    /// [OpenTelemetry Specification: Merge](https://opentelemetry.io/docs/specs/otel/resource/sdk/#merge)
    public func merging(_ other: OTelResource) -> OTelResource {
        var merged = self
        merged.attributes.merge(other.attributes)
        merged.schemaURL = other.schemaURL ?? schemaURL
        return merged
    }
}

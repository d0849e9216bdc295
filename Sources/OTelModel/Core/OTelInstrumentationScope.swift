/// The library that produced telemetry: name, optional version and schema URL, and attributes.
///
/// Two scopes are equal (and hash alike) when name, version and schema URL are equal; tracers are keyed by them.
/// [OpenTelemetry Specification: Instrumentation Scope](https://opentelemetry.io/docs/specs/otel/common/instrumentation-scope/)
public struct OTelInstrumentationScope: Sendable {
    /// The name of the instrumentation library.
    public var name: String
    /// Its version, if known.
    public var version: String?
    /// The schema URL of the telemetry it emits, if any.
    public var schemaURL: String?
    /// Additional scope attributes.
    public var attributes: OTelAttributes

    /// Creates a scope.
    public init(name: String, version: String? = nil, schemaURL: String? = nil, attributes: OTelAttributes = [:]) {
        self.name = name
        self.version = version
        self.schemaURL = schemaURL
        self.attributes = attributes
    }
}

extension OTelInstrumentationScope: Hashable {
    public static func == (lhs: OTelInstrumentationScope, rhs: OTelInstrumentationScope) -> Bool {
        lhs.name == rhs.name && lhs.version == rhs.version && lhs.schemaURL == rhs.schemaURL
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(version)
        hasher.combine(schemaURL)
    }
}

/// Facts about this library, reported as `telemetry.sdk.*` resource attributes.
public enum OTelLibrary {
    /// The library's version.
    public static let version = "0.1.0"
    /// The `telemetry.sdk.name` value.
    public static let sdkName = "swift-opentracing-shim"
    /// The `telemetry.sdk.language` value.
    public static let sdkLanguage = "swift"
}

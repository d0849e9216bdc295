/// An export to an exporter that was shut down.
public struct OTelSpanExporterShutDownError: Error, Hashable, CustomStringConvertible {
    /// Creates the error.
    public init() {}

    /// A human-readable explanation.
    public var description: String { "The span exporter was shut down" }
}

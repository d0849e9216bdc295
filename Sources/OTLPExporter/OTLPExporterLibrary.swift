import OTelModel

/// Facts about this exporter library.
public enum OTLPExporterLibrary {
    /// The version sent in `User-Agent` (the package version, shared with the SDK).
    public static var version: String { OTelLibrary.version }
}

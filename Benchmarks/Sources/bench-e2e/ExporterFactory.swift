import OTLPExporter
import OTelModel

/// The exporter under test: the library's OTLP/HTTP exporter (`otlp`, protobuf; `otlp-gzip` with gzip).
func makeExporter(kind: String, endpoint: String) throws -> any OTelSpanExporter {
    guard let url = OTLPEndpoint(signalURL: endpoint) else { throw DriverError("bad endpoint \(endpoint)") }
    switch kind {
    case "otlp":
        return try OTLPHTTPSpanExporter(configuration: OTLPHTTPExporterConfiguration(endpoint: url, compression: .none))
    case "otlp-gzip":
        return try OTLPHTTPSpanExporter(configuration: OTLPHTTPExporterConfiguration(endpoint: url, compression: .gzip))
    default:
        throw DriverError("unknown exporter \(kind)")
    }
}

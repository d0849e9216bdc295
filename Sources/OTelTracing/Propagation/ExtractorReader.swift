import OTelModel
import Tracing

/// An OTelModel text-map reader over a swift-distributed-tracing `Extractor` and its carrier.
///
/// Lookups go through the extractor. Listing every field (which only prefix-based baggage formats need) works
/// for carriers that can be listed: `[String: String]` and sequences of `(name: String, value: String)`.
struct ExtractorReader<Extract: Extractor>: OTelTextMapReader {
    let carrier: Extract.Carrier
    let extractor: Extract

    func forEachField(_ body: (_ name: String, _ value: String) -> Void) {
        if let dictionary = carrier as? [String: String] {
            for (name, value) in dictionary { body(name, value) }
        } else if let fields = carrier as? any Sequence<(name: String, value: String)> {
            for field in fields { body(field.name, field.value) }
        } else if let pairs = carrier as? any Sequence<(String, String)> {
            for (name, value) in pairs { body(name, value) }
        }
    }

    func firstValue(forField name: String) -> String? {
        extractor.extract(key: name, from: carrier)
    }

    /// The extractor returns one value per name (for HTTP headers, typically the combined value).
    func combinedValue(forField name: String) -> String? {
        extractor.extract(key: name, from: carrier)
    }
}

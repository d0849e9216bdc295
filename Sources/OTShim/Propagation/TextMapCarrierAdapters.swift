import OTelModel
import OpenTracing

/// An OpenTracing ``OpenTracing/TextMapWriter`` as the carrier OpenTelemetry propagators write to.
struct TextMapWriterAdapter<Base: TextMapWriter>: OTelTextMapWriter {
    var base: Base

    mutating func set(_ value: String, forField name: String) {
        base.set(value, forKey: name)
    }
}

/// An OpenTracing ``OpenTracing/TextMapReader`` as the carrier OpenTelemetry propagators read from; field names
/// match case-insensitively (the lookups of ``OTelModel/OTelTextMapReader`` compare ignoring ASCII case), so
/// headers whose names a transport upper-cased still extract (OT-27).
struct TextMapReaderAdapter<Base: TextMapReader>: OTelTextMapReader {
    let base: Base

    func forEachField(_ body: (_ name: String, _ value: String) -> Void) {
        base.forEachKeyValue { key, value in body(key, value) }
    }
}

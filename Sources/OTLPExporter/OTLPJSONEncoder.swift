/// Encodes finished spans as one OTLP/JSON `ExportTraceServiceRequest` (`http/json`), into a reusable buffer.
///
/// Grouping as ``OTLPSpanEncoder`` says, field rules as ``OTLPProtobufEncoder``; the JSON follows OTLP's mapping (hex
/// ids, integer enums, 64-bit integers as strings, lowerCamelCase keys). An empty batch encodes to `{}`.
///
/// [OTLP Specification: JSON protobuf encoding](https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding)
package typealias OTLPJSONEncoder = OTLPSpanEncoder<OTLPJSONWriter>

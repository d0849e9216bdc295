/// Encodes finished spans as one binary OTLP `ExportTraceServiceRequest` (`http/protobuf`), into a reusable buffer.
///
/// Grouping as ``OTLPSpanEncoder`` says. An empty batch encodes to zero bytes (an empty message); senders should
/// not send it at all (OTLP: "senders SHOULD NOT create empty envelopes").
///
/// [OTLP Specification: OTLP/HTTP binary protobuf payload](https://opentelemetry.io/docs/specs/otlp/#binary-protobuf-encoding)
package typealias OTLPProtobufEncoder = OTLPSpanEncoder<ProtobufReverseWriter>

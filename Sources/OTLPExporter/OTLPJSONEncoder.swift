package import OTelModel

/// Encodes finished spans as one OTLP/JSON `ExportTraceServiceRequest` (`http/json`), into a reusable buffer.
///
/// Grouping and field rules are those of ``OTLPProtobufEncoder``; the JSON follows OTLP's mapping (hex ids, integer
/// enums, 64-bit integers as strings, lowerCamelCase keys). An empty batch encodes to `{}`.
///
/// [OTLP Specification: JSON protobuf encoding](https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding)
package struct OTLPJSONEncoder: ~Copyable {
    private var writer: OTLPJSONWriter
    private var grouping = OTLPSpanGrouping()

    /// Creates an encoder whose buffer first holds `initialCapacity` bytes (it grows as needed and stays grown).
    package init(initialCapacity: Int = 256 * 1024) {
        writer = OTLPJSONWriter(initialCapacity: initialCapacity)
    }

    /// Encodes `spans`, replacing the previous encoding.
    package mutating func encode(_ spans: ArraySlice<OTelFinishedSpan>) {
        writer.reset()
        spans.withUnsafeBufferPointer { spans in
            grouping.group(spans)
            writer.writeExportTraceServiceRequest(spans, grouping: grouping)
        }
    }

    /// Encodes `spans`, replacing the previous encoding.
    package mutating func encode(_ spans: [OTelFinishedSpan]) {
        encode(spans[...])
    }

    /// The size of the current encoding in bytes.
    package var encodedByteCount: Int { writer.count }

    /// Lends the current encoding, valid only inside `body`.
    package func withEncodedBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try writer.withWrittenBytes(body)
    }

    /// A copy of the current encoding.
    package var encodedBytes: [UInt8] { writer.writtenBytes }
}

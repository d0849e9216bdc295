package import OTelModel

/// Encodes finished spans as one binary OTLP `ExportTraceServiceRequest` (`http/protobuf`), into a buffer it keeps
/// and reuses, so encoding allocates nothing per span once the buffer has grown to the usual batch size.
///
/// Spans are grouped by resource and instrumentation scope (`ResourceSpans` → `ScopeSpans` → `Span`), groups and
/// spans in the order they first appear. An empty batch encodes to zero bytes (an empty message); senders should
/// not send it at all (OTLP: "senders SHOULD NOT create empty envelopes").
///
/// [OTLP Specification: OTLP/HTTP binary protobuf payload](https://opentelemetry.io/docs/specs/otlp/#binary-protobuf-encoding)
package struct OTLPProtobufEncoder: ~Copyable {
    private var writer: ProtobufReverseWriter
    private var grouping = OTLPSpanGrouping()

    /// Creates an encoder whose buffer first holds `initialCapacity` bytes (it grows as needed and stays grown).
    package init(initialCapacity: Int = 256 * 1024) {
        writer = ProtobufReverseWriter(initialCapacity: initialCapacity)
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

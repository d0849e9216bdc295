package import OTelModel

/// Encodes finished spans as one OTLP `ExportTraceServiceRequest`, in the encoding of `Writer`, into a buffer it
/// keeps and reuses, so encoding allocates nothing per span once the buffer has grown to the usual batch size.
///
/// Use it as ``OTLPProtobufEncoder`` or ``OTLPJSONEncoder``. Spans are grouped by resource and instrumentation scope
/// (`ResourceSpans` → `ScopeSpans` → `Span`), groups and spans in the order they first appear.
package struct OTLPSpanEncoder<Writer: OTLPTraceRequestWriter & ~Copyable>: ~Copyable {
    private var writer: Writer
    private var grouping = OTLPSpanGrouping()

    /// Creates an encoder whose buffer first holds `initialCapacity` bytes (it grows as needed and stays grown).
    package init(initialCapacity: Int = 256 * 1024) {
        writer = Writer(initialCapacity: initialCapacity)
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
    package var encodedBytes: [UInt8] { withEncodedBytes { Array($0) } }
}

package import OTelModel

/// A writer that encodes a whole `ExportTraceServiceRequest` into a buffer it owns and reuses: the protobuf
/// (``ProtobufReverseWriter``) and OTLP/JSON (``OTLPJSONWriter``) encodings behind ``OTLPSpanEncoder``.
package protocol OTLPTraceRequestWriter: ~Copyable {
    /// Creates a writer whose buffer first holds `initialCapacity` bytes (it grows as needed and stays grown).
    init(initialCapacity: Int)

    /// The number of bytes written since creation or the last ``reset()``.
    var count: Int { get }

    /// Forgets what was written, keeping the buffer.
    mutating func reset()

    /// Lends the written bytes, valid only inside `body`.
    func withWrittenBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result

    /// Writes the request for `spans`, grouped by `grouping` (already computed for them).
    mutating func writeExportTraceServiceRequest(
        _ spans: UnsafeBufferPointer<OTelFinishedSpan>,
        grouping: borrowing OTLPSpanGrouping
    )
}

extension ProtobufReverseWriter: OTLPTraceRequestWriter {}

extension OTLPJSONWriter: OTLPTraceRequestWriter {}

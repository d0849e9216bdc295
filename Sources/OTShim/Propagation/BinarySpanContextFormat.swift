import OTelModel
import OpenTracing

/// The byte layout the shim uses for ``OpenTracing/Format/binary``: a versioned encoding of the trace id, span id,
/// trace flags, trace state and baggage.
///
/// OpenTelemetry has no binary propagator and its OpenTracing rules do not mention the format (the Java shim
/// ignores it, Go and Python throw), while OpenTracing requires every tracer to support it. The shim defines its
/// own, so binary call sites keep working between services that use this shim.
///
/// ## Layout, version 1
///
/// Integers are unsigned, big-endian. Strings are UTF-8, prefixed by their length in bytes.
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 1 | version: `0x01` |
/// | 1 | 16 | trace id (all zeros: none) |
/// | 17 | 8 | span id (all zeros: none) |
/// | 25 | 1 | W3C trace flags: `0x01` sampled, `0x02` random trace id |
/// | 26 | 1 | shim flags: `0x01` debug (B3 / Jaeger); other bits are written as zero and ignored on read |
/// | 27 | 2 | trace-state length *T* |
/// | 29 | *T* | trace state, as a W3C `tracestate` header value |
/// | 29+*T* | 2 | baggage entry count *N* |
/// | … | | *N* entries, each: key length (2), key, value length (2), value, metadata length (2), metadata (0 = none) |
///
/// Nothing may follow the last entry. An empty carrier holds no context.
///
/// ## Limits and errors
///
/// - Injection leaves out (and reports) a baggage entry whose key, value or metadata is longer than 65 535 bytes,
///   and entries beyond the 65 535th.
/// - Extraction throws ``OpenTracing/OpenTracingError/spanContextCorrupted(_:)`` for input longer than
///   ``maximumByteCount``, an unknown version, a truncated field, bytes after the last entry, invalid UTF-8 or a
///   malformed trace state. It never traps and never returns a partial context.
public enum BinarySpanContextFormat {
    /// The version this library writes and reads.
    public static let version: UInt8 = 1

    /// The longest input extraction accepts, in bytes (1 MiB).
    public static let maximumByteCount = 1 << 20

    static let debugFlag: UInt8 = 0x01
    static let fixedHeaderByteCount = 29

    /// The bytes for `context`.
    static func encode(_ context: SpanContextShim, diagnostics: ShimDiagnostics) -> [UInt8] {
        let traceState = context.spanContext.traceState.isEmpty ? "" : context.spanContext.traceState.header
        let encodable = context.baggage.entries.lazy.filter { entry in
            let fits =
                entry.name.utf8.count <= Int(UInt16.max) && entry.value.utf8.count <= Int(UInt16.max)
                && (entry.metadata?.utf8.count ?? 0) <= Int(UInt16.max)
            if !fits { diagnostics.report(.binaryEntryTooLong, detail: entry.name.prefix(64).description) }
            return fits
        }.prefix(Int(UInt16.max))
        let entries = Array(encodable)

        var size = fixedHeaderByteCount + traceState.utf8.count + 2
        for entry in entries {
            size += 6 + entry.name.utf8.count + entry.value.utf8.count + (entry.metadata?.utf8.count ?? 0)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        bytes.append(version)
        context.spanContext.traceID.withUnsafeBytes { bytes.append(contentsOf: $0) }
        context.spanContext.spanID.withUnsafeBytes { bytes.append(contentsOf: $0) }
        bytes.append(context.spanContext.traceFlags.rawValue)
        bytes.append(context.isDebug ? debugFlag : 0)
        appendString(traceState, to: &bytes)
        appendUInt16(UInt16(entries.count), to: &bytes)
        for entry in entries {
            appendString(entry.name, to: &bytes)
            appendString(entry.value, to: &bytes)
            appendString(entry.metadata ?? "", to: &bytes)
        }
        return bytes
    }

    /// The context in `bytes`, or `nil` for no bytes.
    ///
    /// - Throws: ``OpenTracing/OpenTracingError/spanContextCorrupted(_:)`` as described in "Limits and errors".
    static func decode(_ bytes: [UInt8]) throws -> SpanContextShim? {
        guard !bytes.isEmpty else { return nil }
        guard bytes.count <= maximumByteCount else {
            throw corrupted("\(bytes.count) bytes exceed the limit of \(maximumByteCount)")
        }
        var reader = ByteReader(bytes: bytes)
        let version = try reader.readByte("version")
        guard version == Self.version else {
            throw corrupted("unsupported binary format version \(version) (this library reads version \(Self.version))")
        }
        let traceID = TraceID(bytes: try reader.readTraceIDBytes())
        let spanID = SpanID(bytes: try reader.readSpanIDBytes())
        let traceFlags = OTelTraceFlags(rawValue: try reader.readByte("trace flags"))
        let shimFlags = try reader.readByte("shim flags")
        let traceStateText = try reader.readString("trace state")
        var traceState = OTelTraceState()
        if !traceStateText.isEmpty {
            guard let parsed = OTelTraceState(header: traceStateText) else {
                throw corrupted("malformed trace state \"\(traceStateText.prefix(64))\"")
            }
            traceState = parsed
        }
        let entryCount = try reader.readUInt16("baggage entry count")
        var entries: [OTelBaggage.Entry] = []
        entries.reserveCapacity(min(Int(entryCount), reader.remaining / 6))
        for index in 0..<Int(entryCount) {
            let name = try reader.readString("key of baggage entry \(index)")
            let value = try reader.readString("value of baggage entry \(index)")
            let metadata = try reader.readString("metadata of baggage entry \(index)")
            entries.append(OTelBaggage.Entry(name: name, value: value, metadata: metadata.isEmpty ? nil : metadata))
        }
        guard reader.remaining == 0 else {
            throw corrupted("\(reader.remaining) unexpected byte(s) after the last baggage entry")
        }
        let spanContext = OTelSpanContext(
            traceID: traceID,
            spanID: spanID,
            traceFlags: traceFlags,
            traceState: traceState,
            isRemote: true
        )
        return SpanContextShim(
            spanContext: spanContext,
            baggage: OTelBaggage(entries),
            isDebug: shimFlags & debugFlag != 0
        )
    }

    private static func appendUInt16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// Appends a length-prefixed string; callers have checked that it fits in 65 535 bytes.
    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        appendUInt16(UInt16(truncatingIfNeeded: string.utf8.count), to: &bytes)
        bytes.append(contentsOf: string.utf8)
    }

    static func corrupted(_ reason: String) -> OpenTracingError {
        .spanContextCorrupted("binary: \(reason)")
    }
}

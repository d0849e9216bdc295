/// `opentelemetry.proto.trace.v1.Span.SpanKind`; a struct so that values unknown to this version survive decoding.
package struct OTLPSpanKind: RawRepresentable, Hashable, Sendable {
    package var rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    /// "Do NOT use as default"; receivers may treat it as internal.
    package static let unspecified = Self(rawValue: 0)
    package static let `internal` = Self(rawValue: 1)
    package static let server = Self(rawValue: 2)
    package static let client = Self(rawValue: 3)
    package static let producer = Self(rawValue: 4)
    package static let consumer = Self(rawValue: 5)
}

/// `opentelemetry.proto.trace.v1.Status.StatusCode`; a struct so that unknown values survive decoding.
package struct OTLPStatusCode: RawRepresentable, Hashable, Sendable {
    package var rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    package static let unset = Self(rawValue: 0)
    package static let ok = Self(rawValue: 1)
    package static let error = Self(rawValue: 2)
}

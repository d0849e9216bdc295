import OTelModel

extension OTelSpanKind {
    /// The OTLP enum value; the model has no "unspecified" kind, so this is never 0.
    @inline(__always)
    var otlpKind: OTLPSpanKind {
        switch self {
        case .internal: .internal
        case .server: .server
        case .client: .client
        case .producer: .producer
        case .consumer: .consumer
        }
    }
}

public import OTelModel
public import Tracing

extension SpanKind {
    /// The OpenTelemetry span kind with the same meaning.
    public var otelSpanKind: OTelSpanKind {
        switch self {
        case .internal: .internal
        case .server: .server
        case .client: .client
        case .producer: .producer
        case .consumer: .consumer
        }
    }
}

extension SpanStatus {
    /// The OpenTelemetry status: `ok`, or `error` with the message as its description (empty for none).
    public var otelSpanStatus: OTelSpanStatus {
        switch code {
        case .ok: .ok
        case .error: .error(description: message ?? "")
        }
    }
}

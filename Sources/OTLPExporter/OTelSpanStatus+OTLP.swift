import OTelModel

extension OTelSpanStatus {
    /// The OTLP status code.
    @inline(__always)
    var otlpCode: OTLPStatusCode {
        switch self {
        case .unset: .unset
        case .ok: .ok
        case .error: .error
        }
    }

    /// The status message: the error description, else empty (OK and UNSET carry none).
    @inline(__always)
    var otlpMessage: String {
        if case .error(let description) = self { return description }
        return ""
    }
}

/// Why a demo request failed.
enum DemoError: Error, CustomStringConvertible {
    /// The backend's failing path: the error the demo records on a span as an exception.
    case inventoryUnavailable(item: String)
    /// A service answered with an unexpected status.
    case unexpectedStatus(Int, url: String)

    var description: String {
        switch self {
        case .inventoryUnavailable(let item): "inventory service unavailable for item '\(item)'"
        case .unexpectedStatus(let status, let url): "\(url) answered HTTP \(status)"
        }
    }
}

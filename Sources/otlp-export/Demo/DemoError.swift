/// Why a demo request failed.
enum DemoError: Error, CustomStringConvertible {
    /// The backend's failing path: the error the demo records on a span as an exception.
    case inventoryUnavailable(item: String)
    /// A demo service's socket has no local address to tell the others.
    case noLocalAddress

    var description: String {
        switch self {
        case .inventoryUnavailable(let item): "inventory service unavailable for item '\(item)'"
        case .noLocalAddress: "the listening socket has no local address"
        }
    }
}

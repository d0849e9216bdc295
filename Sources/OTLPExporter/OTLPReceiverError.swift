/// Why the receiver could not start or run.
package enum OTLPReceiverError: Error, Equatable, CustomStringConvertible {
    /// The bound socket reported no local address.
    case noLocalAddress
    /// ``OTLPReceiver/run()`` was called a second time.
    case alreadyRunning

    package var description: String {
        switch self {
        case .noLocalAddress: "the receiver's socket has no local address"
        case .alreadyRunning: "the receiver is already running"
        }
    }
}

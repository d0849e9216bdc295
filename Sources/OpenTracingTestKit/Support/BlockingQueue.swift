import Dispatch

/// An unbounded FIFO queue whose `take` blocks until an element is there (the originals' `BlockingQueue`).
final class BlockingQueue<Element: Sendable>: Sendable {
    private let elements = LockedValue<[Element]>([])
    private let available = DispatchSemaphore(value: 0)

    func put(_ element: Element) {
        elements.withLock { $0.append(element) }
        available.signal()
    }

    /// The oldest element; `nil` if none arrived in time.
    func take(timeoutSeconds: Int = TestbedTimeout.seconds) -> Element? {
        guard available.wait(timeout: .now() + .seconds(timeoutSeconds)) == .success else { return nil }
        return elements.withLock { $0.removeFirst() }
    }
}

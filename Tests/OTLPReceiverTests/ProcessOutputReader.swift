import Foundation
import NIOConcurrencyHelpers

/// Reads a child process's output pipe on a thread of its own until end of file, and lets a test
/// wait, without polling, until the text read so far satisfies a condition.
final class ProcessOutputReader: Sendable {
    private struct Waiter {
        var condition: @Sendable (String) -> Bool
        var continuation: CheckedContinuation<String, Never>
    }

    private struct State {
        var bytes: [UInt8] = []
        var finished = false
        var waiters: [Waiter] = []
    }

    private let state = NIOLockedValueBox(State())

    init(_ handle: FileHandle) {
        // A thread of its own: a blocking read on a Dispatch worker would take one of the few
        // threads Swift concurrency's cooperative pool runs on, and stall the tests that measure time.
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                self.receive(Array(data), finished: false)
            }
            self.receive([], finished: true)
        }
        thread.start()
    }

    private func receive(_ bytes: [UInt8], finished: Bool) {
        let ready: [(CheckedContinuation<String, Never>, String)] = state.withLockedValue { state in
            state.bytes += bytes
            state.finished = state.finished || finished
            let text = String(decoding: state.bytes, as: UTF8.self)
            var ready: [(CheckedContinuation<String, Never>, String)] = []
            state.waiters.removeAll { waiter in
                guard state.finished || waiter.condition(text) else { return false }
                ready.append((waiter.continuation, text))
                return true
            }
            return ready
        }
        for (continuation, text) in ready {
            continuation.resume(returning: text)
        }
    }

    /// The text read so far once `condition` holds for it, or all of it once the pipe is closed.
    func text(when condition: @escaping @Sendable (String) -> Bool) async -> String {
        await withCheckedContinuation { continuation in
            let text: String? = state.withLockedValue { state in
                let text = String(decoding: state.bytes, as: UTF8.self)
                if state.finished || condition(text) {
                    return text
                }
                state.waiters.append(Waiter(condition: condition, continuation: continuation))
                return nil
            }
            if let text {
                continuation.resume(returning: text)
            }
        }
    }

    /// Everything, once the pipe is closed.
    func allText() async -> String {
        await text { _ in false }
    }
}

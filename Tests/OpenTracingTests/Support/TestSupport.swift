import Foundation
import OpenTracing

/// Collects misuse reports, so tests can assert them and nothing is written to standard error.
final class MisuseLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [ScopeMisuse] = []
    var kinds: [ScopeMisuse] { lock.withLock { reports } }
    func record(_ report: ScopeMisuseReport) { lock.withLock { reports.append(report.kind) } }
}

/// Runs `body` on a new thread and waits for it.
func onOtherThread(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.start()
    done.wait()
}

/// A mutable slot for passing a scope between threads in tests (accesses are ordered by thread joins).
final class ScopeBox: @unchecked Sendable {
    var scope: (any Scope)?
}

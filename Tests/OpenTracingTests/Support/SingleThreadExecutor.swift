import Foundation

/// A task executor that runs every job on one dedicated thread, so tests can make tasks interleave on a single
/// thread deterministically.
final class SingleThreadExecutor: TaskExecutor, @unchecked Sendable {
    /// One shared instance: its thread lives as long as the test process.
    static let shared = SingleThreadExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var thread: Thread?

    private init() {
        let thread = Thread { [unowned self] in self.run() }
        thread.name = "SingleThreadExecutor"
        self.thread = thread
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty {
                condition.wait()
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

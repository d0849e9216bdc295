/// A reusable barrier for a fixed number of tasks: the Swift-concurrency counterpart of ``ThreadBarrier``.
actor AsyncBarrier {
    private let parties: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(parties: Int) {
        self.parties = parties
    }

    /// Suspends until every party has arrived in the current phase.
    func arriveAndWait() async {
        if waiting.count + 1 == parties {
            let released = waiting
            waiting = []
            for continuation in released { continuation.resume() }
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }
}

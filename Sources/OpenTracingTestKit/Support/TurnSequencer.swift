/// Lets concurrent tasks take numbered turns in a fixed order, to force one exact interleaving without sleeping.
actor TurnSequencer {
    private var current = 0
    private var waiting: [Int: CheckedContinuation<Void, Never>] = [:]

    /// Suspends until it is turn `turn`.
    func waitForTurn(_ turn: Int) async {
        if turn == current { return }
        await withCheckedContinuation { waiting[turn] = $0 }
    }

    /// Ends the current turn and wakes the task waiting for the next one.
    func endTurn() {
        current += 1
        waiting.removeValue(forKey: current)?.resume()
    }
}

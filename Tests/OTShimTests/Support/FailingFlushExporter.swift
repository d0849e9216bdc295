import OTelModel

/// An exporter whose flush fails, counting shutdowns.
final class FailingFlushExporter: OTelSpanExporter {
    struct FlushFailed: Error {}
    let shutdowns = Locked(0)
    let exported = Locked<[String]>([])

    func export(_ batch: [OTelFinishedSpan]) async throws {
        exported.withLock { $0.append(contentsOf: batch.map(\.name)) }
    }

    func forceFlush() async throws { throw FlushFailed() }

    func shutdown() async { shutdowns.withLock { $0 += 1 } }
}

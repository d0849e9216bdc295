import Synchronization

/// The live counters behind ``OTLPExportStatistics``: lock-free, updated from the export task.
final class OTLPExportCounters: Sendable {
    let exportedSpans = Atomic<Int>(0)
    let droppedSpans = Atomic<Int>(0)
    let rejectedSpans = Atomic<Int>(0)
    let oversizedSpans = Atomic<Int>(0)
    let requests = Atomic<Int>(0)
    let retries = Atomic<Int>(0)
    let failedRequests = Atomic<Int>(0)

    var snapshot: OTLPExportStatistics {
        OTLPExportStatistics(
            exportedSpans: exportedSpans.load(ordering: .relaxed),
            droppedSpans: droppedSpans.load(ordering: .relaxed),
            rejectedSpans: rejectedSpans.load(ordering: .relaxed),
            oversizedSpans: oversizedSpans.load(ordering: .relaxed),
            requests: requests.load(ordering: .relaxed),
            retries: retries.load(ordering: .relaxed),
            failedRequests: failedRequests.load(ordering: .relaxed)
        )
    }
}

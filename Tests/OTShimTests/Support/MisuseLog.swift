import OpenTracing

/// Collects misuse reports.
final class MisuseLog: Sendable {
    let reports = Locked<[ScopeMisuse]>([])
    var handler: @Sendable (ScopeMisuseReport) -> Void {
        { [reports] report in reports.withLock { $0.append(report.kind) } }
    }
    var all: [ScopeMisuse] { reports.current }
}

/// Counts misuse per kind and reports it: to the user's handler every time, or else to standard error once per kind.
///
/// Misuse is rare, so a lock is cheap enough here and keeps the counters and the "logged" flags consistent.
final class ScopeMisuseReporter: Sendable {
    private struct State {
        var counts: [ScopeMisuse: Int] = [:]
        var logged: Set<ScopeMisuse> = []
    }

    private let managerName: String
    private let handler: (@Sendable (ScopeMisuseReport) -> Void)?
    private let state = LockedValue(State())

    init(managerName: String, handler: (@Sendable (ScopeMisuseReport) -> Void)?) {
        self.managerName = managerName
        self.handler = handler
    }

    func count(_ kind: ScopeMisuse) -> Int {
        state.withLock { $0.counts[kind, default: 0] }
    }

    func report(_ kind: ScopeMisuse, span: any Span) {
        let isFirst = state.withLock { state in
            state.counts[kind, default: 0] += 1
            return state.logged.insert(kind).inserted
        }
        if let handler {
            handler(ScopeMisuseReport(kind: kind, span: span))
        } else if isFirst {
            let spanID = span.context.spanID
            let which = spanID.isEmpty ? "" : " (span \(spanID))"
            writeLineToStandardError(
                "OpenTracing \(managerName): \(kind)\(which); ignored. Further cases are counted, not logged."
            )
        }
    }
}

/// A scope of ``NoopScopeManager``.
final class NoopScope: Scope {
    let span: any Span
    private let finishOnClose: Bool

    init(span: any Span, finishOnClose: Bool) {
        self.span = span
        self.finishOnClose = finishOnClose
    }

    func close() {
        if finishOnClose {
            span.finish()
        }
    }
}

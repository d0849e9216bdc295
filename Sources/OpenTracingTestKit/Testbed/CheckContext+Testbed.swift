import OpenTracing

extension CheckContext {
    /// Checks that `child` is in `parent`'s trace with `parent` as its parent.
    func expectChild(_ child: RecordedSpan, of parent: RecordedSpan, fileID: String = #fileID, line: Int = #line) {
        expect.equal(child.traceID, parent.traceID, "trace id of \(child)", fileID: fileID, line: line)
        expect.equal(child.parentSpanID, parent.spanID, "parent of \(child)", fileID: fileID, line: line)
    }

    /// Checks that `span` has no parent.
    func expectRoot(_ span: RecordedSpan, fileID: String = #fileID, line: Int = #line) {
        expect.equal(span.parentSpanID, nil, "parent of \(span)", fileID: fileID, line: line)
    }

    /// Checks that `first` and `second` are in different traces.
    func expectDifferentTraces(
        _ first: RecordedSpan,
        _ second: RecordedSpan,
        fileID: String = #fileID,
        line: Int = #line
    ) {
        expect.check(
            first.traceID != second.traceID,
            "\(first) and \(second) should be in different traces",
            fileID: fileID,
            line: line
        )
    }

    /// Checks the operation names of `spans`, in order, and returns whether they matched.
    @discardableResult
    func expectNames(_ spans: [RecordedSpan], _ names: [String], fileID: String = #fileID, line: Int = #line) -> Bool {
        expect.equal(spans.map(\.operationName), names, "finished spans, in finish order", fileID: fileID, line: line)
    }

    /// The spans whose tag `key` is `value`.
    func spans(_ spans: [RecordedSpan], tagged key: String, _ value: TagValue) -> [RecordedSpan] {
        spans.filter { $0.tags[key] == value }
    }

    /// The `event` fields of `span`'s logs, in order.
    func events(of span: RecordedSpan) -> [String] {
        span.logs.compactMap { $0[LogFieldKey.event]?.stringValue }
    }
}

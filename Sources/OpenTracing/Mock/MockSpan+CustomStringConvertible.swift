extension MockSpan: CustomStringConvertible {
    /// A one-line summary for test failure messages: name, ids, parent, finish state and tags.
    public var description: String {
        let context = mockContext
        let parent = parentSpanID.map { MockSpanContext.hex($0) } ?? "none"
        let tags = self.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "MockSpan('\(operationName)' trace \(context.traceID) span \(context.spanID) parent \(parent)"
            + "\(isFinished ? "" : " unfinished") tags [\(tags)])"
    }
}

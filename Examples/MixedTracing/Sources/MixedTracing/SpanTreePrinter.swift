import OTelModel

/// Prints finished spans as one tree per trace, children under their parents, with the API that made them.
enum SpanTreePrinter {
    static func print(_ spans: [OTelFinishedSpan]) {
        let traces = Dictionary(grouping: spans, by: \.context.traceID)
        Swift.print("\(spans.count) spans in \(traces.count) trace(s)")
        for (traceID, traceSpans) in traces {
            Swift.print("trace \(traceID.hexString)")
            let ids = Set(traceSpans.map(\.context.spanID))
            let roots = traceSpans.filter { span in span.parentSpanID.map { !ids.contains($0) } ?? true }
            for root in roots.sorted(by: { $0.startTime < $1.startTime }) {
                printSubtree(root, in: traceSpans, depth: 1)
            }
        }
    }

    private static func printSubtree(_ span: OTelFinishedSpan, in spans: [OTelFinishedSpan], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        let microseconds = (span.endTime - span.startTime) / 1_000
        Swift.print(
            "\(indent)\(span.name) [\(span.kind)] span \(span.context.spanID.hexString) "
                + "via \(span.instrumentationScope.name), \(microseconds) µs"
        )
        if !span.attributes.isEmpty {
            let attributes = span.attributes.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            Swift.print("\(indent)  \(attributes)")
        }
        let children = spans.filter { $0.parentSpanID == span.context.spanID }
        for child in children.sorted(by: { $0.startTime < $1.startTime }) {
            printSubtree(child, in: spans, depth: depth + 1)
        }
    }
}

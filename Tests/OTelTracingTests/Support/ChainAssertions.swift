import OTelModel
import Testing

/// Checks that the spans named `names` (outermost first) form one parent chain in one trace, the first a root.
func expectChain(
    _ names: [String],
    in spans: [OTelFinishedSpan],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let byName = Dictionary(spans.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var previous: OTelFinishedSpan?
    for name in names {
        guard let span = byName[name] else {
            Issue.record("no exported span named '\(name)'", sourceLocation: sourceLocation)
            return
        }
        if let previous {
            #expect(
                span.parentSpanID == previous.context.spanID,
                "'\(name)' should be a child of '\(previous.name)'",
                sourceLocation: sourceLocation
            )
            #expect(span.context.traceID == previous.context.traceID, sourceLocation: sourceLocation)
        } else {
            #expect(span.parentSpanID == nil, "'\(name)' should be a root", sourceLocation: sourceLocation)
        }
        previous = span
    }
}

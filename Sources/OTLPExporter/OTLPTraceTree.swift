/// Spans from one or more decoded requests, grouped by trace and arranged parent → child: what the
/// receiver and the demo print (see ``OTLPTraceTreeFormatter``).
///
/// Every span appears exactly once. A span whose parent is not among the spans is shown at the top
/// of its trace as an ``Placement/orphan(parentSpanID:)``; spans whose parents form a cycle (only
/// possible with bad input) are shown at the top as ``Placement/parentCycle``.
package struct OTLPTraceTree: Sendable {
    package var traces: [Trace]

    /// One trace: its spans, and which of them are at the top.
    package struct Trace: Sendable {
        package var traceID: [UInt8]
        /// All spans of the trace, in the order received.
        package var spans: [Node]
        /// Indices into ``spans`` of the top-level spans, by start time.
        package var roots: [Int]

        /// The distinct `service.name`s of the trace's spans, in order of appearance.
        package var serviceNames: [String] {
            var seen = Set<String>()
            return spans.compactMap { node in
                guard let name = node.serviceName, seen.insert(name).inserted else { return nil }
                return name
            }
        }
    }

    /// A span with its place in the tree.
    package struct Node: Sendable {
        package var span: OTLPDecodedRequest.Span
        /// The resource's `service.name`, when it is a string.
        package var serviceName: String?
        package var scopeName: String?
        package var placement: Placement
        /// Indices into ``Trace/spans`` of the children, by start time.
        package var children: [Int]
    }

    package enum Placement: Sendable, Equatable {
        /// No parent: a root span.
        case root
        /// Under its parent.
        case child
        /// The parent span is not among the spans given.
        case orphan(parentSpanID: [UInt8])
        /// The parent chain loops back to this span.
        case parentCycle
    }

    /// Builds the trees of all spans in `requests`; traces in order of their earliest start.
    package init(requests: some Sequence<OTLPDecodedRequest>) {
        var traceIndex: [[UInt8]: Int] = [:]
        var traces: [Trace] = []
        for request in requests {
            for resourceSpans in request.resourceSpans {
                let serviceName = resourceSpans.resource?.attributes.last { $0.key == "service.name" }.flatMap {
                    if case .string(let name) = $0.value { name } else { nil }
                }
                for scopeSpans in resourceSpans.scopeSpans {
                    for span in scopeSpans.spans {
                        let node = Node(
                            span: span,
                            serviceName: serviceName,
                            scopeName: scopeSpans.scope?.name,
                            placement: .root,
                            children: []
                        )
                        if let index = traceIndex[span.traceID] {
                            traces[index].spans.append(node)
                        } else {
                            traceIndex[span.traceID] = traces.count
                            traces.append(Trace(traceID: span.traceID, spans: [node], roots: []))
                        }
                    }
                }
            }
        }
        for index in traces.indices {
            Self.link(&traces[index])
        }
        self.traces = traces.sorted { lhs, rhs in
            Self.earliestStart(lhs) < Self.earliestStart(rhs)
        }
    }

    /// Builds the trees of one request's spans.
    package init(request: OTLPDecodedRequest) {
        self.init(requests: CollectionOfOne(request))
    }

    private static func earliestStart(_ trace: Trace) -> UInt64 {
        trace.spans.lazy.map(\.span.startTimeUnixNano).min() ?? 0
    }

    /// Sets placements, children and roots.
    private static func link(_ trace: inout Trace) {
        var indexBySpanID: [[UInt8]: Int] = [:]
        for (index, node) in trace.spans.enumerated() where indexBySpanID[node.span.spanID] == nil {
            indexBySpanID[node.span.spanID] = index
        }
        var roots: [Int] = []
        for index in trace.spans.indices {
            let parentID = trace.spans[index].span.parentSpanID
            if parentID.allSatisfy({ $0 == 0 }) {
                trace.spans[index].placement = .root
                roots.append(index)
            } else if let parent = indexBySpanID[parentID], parent != index {
                trace.spans[index].placement = .child
                trace.spans[parent].children.append(index)
            } else if indexBySpanID[parentID] == index {
                trace.spans[index].placement = .parentCycle
                roots.append(index)
            } else {
                trace.spans[index].placement = .orphan(parentSpanID: parentID)
                roots.append(index)
            }
        }
        // Spans not reachable from the top are in (or below) a parent cycle: lift one per cycle.
        var reached = [Bool](repeating: false, count: trace.spans.count)
        func mark(from start: Int) {
            var stack = [start]
            while let index = stack.popLast() {
                guard !reached[index] else { continue }
                reached[index] = true
                stack.append(contentsOf: trace.spans[index].children)
            }
        }
        roots.forEach(mark)
        for index in trace.spans.indices where !reached[index] {
            trace.spans[index].placement = .parentCycle
            if let parent = indexBySpanID[trace.spans[index].span.parentSpanID] {
                trace.spans[parent].children.removeAll { $0 == index }
            }
            roots.append(index)
            mark(from: index)
        }
        let starts = trace.spans.map(\.span.startTimeUnixNano)
        let byStart = { (lhs: Int, rhs: Int) -> Bool in
            starts[lhs] != starts[rhs] ? starts[lhs] < starts[rhs] : lhs < rhs
        }
        for index in trace.spans.indices where trace.spans[index].children.count > 1 {
            trace.spans[index].children.sort(by: byStart)
        }
        trace.roots = roots.sorted(by: byStart)
    }
}

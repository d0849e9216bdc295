import OTelModel

/// Groups a batch of spans by resource, then by instrumentation scope, as `ExportTraceServiceRequest` nests them,
/// without copying a span: the result is span positions, in reusable arrays that keep their capacity between
/// batches (no allocation in the steady state).
///
/// Groups keep the order in which they first appear, and spans keep their order within a group. A span is first
/// compared with the group of the span before it (one provider and one tracer: the common case is settled by
/// comparing the bytes of its scope and resource with those of the group's first span), then with the other groups.
package struct OTLPSpanGrouping {
    struct ResourceGroup {
        /// The position of the first span with this resource.
        var firstSpan: Int
        /// The range of ``scopeOrder`` listing this resource's scope groups.
        var scopes: Range<Int>
    }

    struct ScopeGroup {
        var resourceGroup: Int
        /// The position of the first span with this scope.
        var firstSpan: Int
        /// The range of ``order`` holding this group's span positions.
        var spans: Range<Int>
    }

    private(set) var resourceGroups: [ResourceGroup] = []
    private(set) var scopeGroups: [ScopeGroup] = []
    /// Scope group indices, resource group by resource group.
    private(set) var scopeOrder: [Int] = []
    /// Span positions (offsets into the grouped slice), scope group by scope group.
    private(set) var order: [Int] = []
    private var groupOfSpan: [Int] = []

    /// Groups `spans`; positions are indices into `spans`.
    ///
    /// Spans are read in place through the buffer: copying a whole `OTelFinishedSpan` out of an array would retain
    /// each of its references, several times per span.
    mutating func group(_ spans: UnsafeBufferPointer<OTelFinishedSpan>) {
        resourceGroups.removeAll(keepingCapacity: true)
        scopeGroups.removeAll(keepingCapacity: true)
        scopeOrder.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        groupOfSpan.removeAll(keepingCapacity: true)
        guard !spans.isEmpty else { return }

        var current = -1
        for offset in 0..<spans.count {
            if current < 0 || !belongs(offset, to: current, in: spans) {
                current = findOrAddGroup(for: offset, in: spans)
            }
            groupOfSpan.append(current)
            scopeGroups[current].spans = 0..<(scopeGroups[current].spans.upperBound + 1)
        }

        // Lay the scope groups out resource by resource, then the spans scope group by scope group.
        var next = 0
        for resourceIndex in resourceGroups.indices {
            let first = scopeOrder.count
            for scopeIndex in scopeGroups.indices where scopeGroups[scopeIndex].resourceGroup == resourceIndex {
                scopeOrder.append(scopeIndex)
                let count = scopeGroups[scopeIndex].spans.upperBound
                scopeGroups[scopeIndex].spans = next..<next  // filled below
                next += count
            }
            resourceGroups[resourceIndex].scopes = first..<scopeOrder.count
        }
        order.append(contentsOf: repeatElement(0, count: spans.count))
        for offset in 0..<spans.count {
            let groupIndex = groupOfSpan[offset]
            let end = scopeGroups[groupIndex].spans.upperBound
            order[end] = offset
            scopeGroups[groupIndex].spans = scopeGroups[groupIndex].spans.lowerBound..<(end + 1)
        }
    }

    private func belongs(_ position: Int, to groupIndex: Int, in spans: UnsafeBufferPointer<OTelFinishedSpan>) -> Bool {
        let group = scopeGroups[groupIndex]
        // Spans of one tracer share one origin object: that settles the common case in one comparison.
        if Self.haveSameOrigin(spans.address(of: position), spans.address(of: group.firstSpan)) { return true }
        let origin = spans[position].origin
        guard origin.instrumentationScope.isSameForExport(as: spans[group.firstSpan].origin.instrumentationScope)
        else { return false }
        let resourceSpan = resourceGroups[group.resourceGroup].firstSpan
        return origin.resource.isSameForExport(as: spans[resourceSpan].origin.resource)
    }

    /// Whether both spans refer to one origin (so have the same scope and resource); `false` says nothing.
    @inline(__always)
    private static func haveSameOrigin(
        _ a: UnsafePointer<OTelFinishedSpan>,
        _ b: UnsafePointer<OTelFinishedSpan>
    ) -> Bool {
        a.pointee.origin === b.pointee.origin
    }

    private mutating func findOrAddGroup(for offset: Int, in spans: UnsafeBufferPointer<OTelFinishedSpan>) -> Int {
        let resourceIndex: Int
        let origin = spans[offset].origin
        if let found = resourceGroups.firstIndex(where: {
            let other = spans[$0.firstSpan].origin
            return other === origin || other.resource.isSameForExport(as: origin.resource)
        }) {
            resourceIndex = found
        } else {
            resourceGroups.append(ResourceGroup(firstSpan: offset, scopes: 0..<0))
            resourceIndex = resourceGroups.count - 1
        }
        if let found = scopeGroups.firstIndex(where: {
            guard $0.resourceGroup == resourceIndex else { return false }
            let other = spans[$0.firstSpan].origin
            return other === origin || other.instrumentationScope.isSameForExport(as: origin.instrumentationScope)
        }) {
            return found
        }
        // `spans` counts the group's spans until the layout pass turns it into a range of `order`.
        scopeGroups.append(ScopeGroup(resourceGroup: resourceIndex, firstSpan: offset, spans: 0..<0))
        return scopeGroups.count - 1
    }
}

extension OTelResource {
    /// Whether `other` encodes identically: same schema URL, dropped count and attributes.
    @inline(__always)
    func isSameForExport(as other: OTelResource) -> Bool {
        guard schemaURL == other.schemaURL else { return false }
        // Spans of one provider share its resource's attribute storage: equal without comparing attributes.
        return attributes.sharesStorage(with: other.attributes) || attributes.hasSameAttributes(as: other.attributes)
    }
}

extension OTelInstrumentationScope {
    /// Whether `other` encodes identically: same name, version, schema URL and attributes.
    @inline(__always)
    func isSameForExport(as other: OTelInstrumentationScope) -> Bool {
        guard name == other.name, version == other.version, schemaURL == other.schemaURL else { return false }
        // Spans of one tracer share its scope's attribute storage: equal without comparing attributes.
        return attributes.sharesStorage(with: other.attributes) || attributes.hasSameAttributes(as: other.attributes)
    }
}

extension OTelAttributes {
    /// Whether both hold the same keys with wire-identical values and the same dropped count.
    ///
    /// Equal collections are usually in the same order, so entries are first compared position by position, in
    /// place; a different order falls back to looking each key up.
    func hasSameAttributes(as other: OTelAttributes) -> Bool {
        guard count == other.count, droppedCount == other.droppedCount else { return false }
        let inOrder = withEntries { mine in
            other.withEntries { theirs in
                mine.indices.allSatisfy { position in
                    let (a, b) = (mine.address(of: position), theirs.address(of: position))
                    return a.pointee.key == b.pointee.key && a.pointee.value.isIdenticalOnTheWire(to: b.pointee.value)
                }
            }
        }
        if inOrder { return true }
        for (key, value) in self {
            guard let theirs = other[key], value.isIdenticalOnTheWire(to: theirs) else { return false }
        }
        return true
    }
}

import OTelModel

/// A sampler that records what it was asked and drops spans whose start attributes say `sampling.priority` = 0.
final class RecordingSampler: OTelSampler {
    struct Call: Sendable {
        var name: String
        var kind: OTelSpanKind
        var attributes: OTelAttributes
        var links: [OTelSpanLink]
    }

    let calls = Locked<[Call]>([])

    func shouldSample(
        parentContext: OTelSpanContext?,
        traceID: TraceID,
        name: String,
        kind: OTelSpanKind,
        attributes: OTelAttributes,
        links: [OTelSpanLink]
    ) -> OTelSamplingResult {
        calls.withLock { $0.append(Call(name: name, kind: kind, attributes: attributes, links: links)) }
        return OTelSamplingResult(decision: attributes["sampling.priority"] == .int(0) ? .drop : .recordAndSample)
    }

    var description: String { "RecordingSampler" }
}
